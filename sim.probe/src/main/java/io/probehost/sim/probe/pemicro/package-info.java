/**
 * A PE Micro Multilink emulator written from the PE Micro note: a loopback socket server that executes
 * the calls of PE Micro's interface library, forwarded one per line by the lab's stand-in library, as
 * SWD transactions on a virtual target's {@link io.probehost.sim.adi.SwjPins}. {@link PeMicroLab} puts
 * Multilinks in front of targets in one line.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.probehost.sim.probe.pemicro;
