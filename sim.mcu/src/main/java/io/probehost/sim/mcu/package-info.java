/** The virtual microcontroller as the rest of the lab sees it. */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.probehost.sim.mcu;
