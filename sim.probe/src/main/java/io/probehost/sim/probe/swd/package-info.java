/** SWD as a probe's firmware clocks it on a virtual target's pins, shared by the lab's probe emulators. */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.probehost.sim.probe.swd;
