/** A chip-independent Cortex-M test machine (flash, SRAM, SCS) and the core's speed benchmark. */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.probehost.sim.mcu.bench;
