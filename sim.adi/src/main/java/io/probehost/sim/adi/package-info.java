/**
 * The target side of the ARM debug interface for virtual MCUs: {@link io.probehost.sim.adi.SwjDp}
 * implements the pin-level {@link io.probehost.sim.adi.SwjPins} for a
 * {@link io.probehost.sim.mcu.DebuggableMcu} (SW-DP and JTAG-DP of a Cortex-M0, one AHB-AP), with
 * fault hooks for tests; {@link io.probehost.sim.adi.MemAp} and
 * {@link io.probehost.sim.adi.FaultInjectingMemoryPort} can be used on their own.
 */
@org.osgi.annotation.versioning.Version("0.2.0")
package io.probehost.sim.adi;
