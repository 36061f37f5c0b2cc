/**
 * The lab's virtual USB bus: a {@link io.probehost.api.usb.UsbBus} on which virtual devices are
 * plugged and unplugged at run time, with the transfer semantics of libusb.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.probehost.sim.probe.usb;
