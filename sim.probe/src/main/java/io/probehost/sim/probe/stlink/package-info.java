/**
 * An ST-Link probe emulator (V2, V2-1, STLINK-V3, V3PWR) written from the protocol note: 16-byte
 * command blocks on bulk endpoints, executed as SWD or JTAG DP/AP transactions clocked on a virtual target's
 * {@link io.probehost.sim.adi.SwjPins}, with a per-packet link model on the target's virtual clock.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.probehost.sim.probe.stlink;
