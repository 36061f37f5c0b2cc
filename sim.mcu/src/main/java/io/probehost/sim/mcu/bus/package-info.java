/** Address decoding and memory building blocks shared by the virtual devices. */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.probehost.sim.mcu.bus;
