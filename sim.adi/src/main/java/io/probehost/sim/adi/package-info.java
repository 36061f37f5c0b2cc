/** The target side of the ARM debug interface: SWJ-DP, DP and MEM-AP registers. */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.probehost.sim.adi;
