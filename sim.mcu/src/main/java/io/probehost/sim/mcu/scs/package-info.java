/**
 * The debug components on the Private Peripheral Bus: the Cortex-M0's SCS, breakpoint unit, DWT and
 * ROM table; the Cortex-M3's SCS, FPB with remap, DWT with CYCCNT, ITM, the IDs of TPIU and ETM, and
 * its ROM table.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.probehost.sim.mcu.scs;
