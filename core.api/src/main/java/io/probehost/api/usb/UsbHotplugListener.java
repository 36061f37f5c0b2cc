package io.probehost.api.usb;

import org.osgi.annotation.versioning.ConsumerType;

/** Told of devices arriving on or leaving a bus. Called on the bus's own thread: return quickly. */
@ConsumerType
public interface UsbHotplugListener {

    void deviceAttached(UsbBus bus, UsbDeviceInfo device);

    void deviceDetached(UsbBus bus, UsbDeviceInfo device);
}
