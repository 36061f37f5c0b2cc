package io.probehost.api.usb;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A USB bus as a service. The real bus (libusb) and the virtual lab's bus are interchangeable:
 * drivers find probes only through the {@code UsbBus} services they are given.
 */
@ProviderType
public interface UsbBus {

    /** Short name of the bus, such as {@code libusb} or {@code lab}. Unique among buses. */
    String name();

    /** The devices present now, with their descriptors. Never null; empty when no device is attached. */
    List<UsbDeviceInfo> devices();

    /**
     * Opens a device found by {@link #devices()}.
     *
     * @throws io.probehost.api.ProbeDisconnectedException when the device is no longer attached
     * @throws UsbException when the device cannot be opened (permissions, busy)
     */
    UsbDevice open(UsbDeviceInfo device);

    /** Registers a listener told of every device attached to or detached from this bus. */
    void addHotplugListener(UsbHotplugListener listener);

    void removeHotplugListener(UsbHotplugListener listener);
}
