/** The RISC-V Debug Module (debug spec 0.13.2) of a virtual chip, as a Debug Transport Module reaches it over the DMI. */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.probehost.sim.riscv.debug;
