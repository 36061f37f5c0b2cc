/** The ARMv6-M (Cortex-M0) core: registers, Thumb execution, exceptions, SysTick and halting-debug state. */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.probehost.sim.mcu.cpu;
