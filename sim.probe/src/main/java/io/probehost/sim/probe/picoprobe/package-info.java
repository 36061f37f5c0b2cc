/**
 * A legacy Raspberry Pi Picoprobe emulator (USB PID 0x0004, before the firmware became CMSIS-DAP)
 * written from the protocol note: length-prefixed packets of "write N bits" / "read N bits"
 * commands on a vendor interface's bulk endpoints, clocked one bit at a time on a virtual target's
 * {@link io.probehost.sim.adi.SwjPins}, with a per-packet link model on the target's virtual clock.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.probehost.sim.probe.picoprobe;
