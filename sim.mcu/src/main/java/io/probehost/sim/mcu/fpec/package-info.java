/**
 * The FPEC-style flash controller of the STM32F1 (and, with its own geometry, timings and IDs, the
 * GD32VF103's FMC): keys, half-word programming under the NOR rule, page/mass erase, option bytes
 * with read-out and write protection, and the persisted flash content.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.probehost.sim.mcu.fpec;
