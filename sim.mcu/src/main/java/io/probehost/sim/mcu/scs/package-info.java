/** The Cortex-M0 debug components on the Private Peripheral Bus: SCS, breakpoint unit, DWT and ROM table. */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.probehost.sim.mcu.scs;
