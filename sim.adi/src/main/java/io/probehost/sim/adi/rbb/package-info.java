/** OpenOCD's remote_bitbang JTAG protocol in front of a virtual target's pins. */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.probehost.sim.adi.rbb;
