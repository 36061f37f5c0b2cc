/** An RV32IMAC hart (M-mode only) for the virtual lab, on the bus types of {@code io.probehost.sim.mcu}. */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.probehost.sim.riscv;
