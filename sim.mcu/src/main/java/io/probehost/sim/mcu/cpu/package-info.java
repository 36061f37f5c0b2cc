/**
 * The lab's Cortex-M core, ARMv6-M (Cortex-M0) or ARMv7-M (Cortex-M3) by {@link io.probehost.sim.mcu.cpu.Profile}:
 * registers, one Thumb decoder for both profiles, one exception model (entry, late arrival,
 * tail-chaining, return checks), debug event routing, SysTick and halting-debug state.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.probehost.sim.mcu.cpu;
