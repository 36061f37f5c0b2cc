/** A virtual GD32VF103CB: the lab's RV32IMAC hart with the GD32VF103's memory map, flash controller and Debug Module. */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.probehost.sim.riscv.gd32vf103;
