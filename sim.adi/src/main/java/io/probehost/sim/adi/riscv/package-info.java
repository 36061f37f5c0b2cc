/** The target side of RISC-V debug over JTAG: the Debug Transport Module in front of a chip's Debug Module. */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.probehost.sim.adi.riscv;
