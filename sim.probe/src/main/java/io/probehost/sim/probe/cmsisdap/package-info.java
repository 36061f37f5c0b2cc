/**
 * A CMSIS-DAP probe emulator: the reference firmware's command set driving a virtual target's
 * {@link io.probehost.sim.adi.SwjPins} bit by bit, behind v1 (HID) and v2 (bulk) USB interfaces on the
 * {@link io.probehost.sim.probe.usb.VirtualUsbBus}, with a link-time model and fault injection.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.probehost.sim.probe.cmsisdap;
