package io.probehost.driver.picoprobe.internal;

import java.util.Optional;

import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.usb.UsbBus;
import io.probehost.api.usb.UsbDeviceInfo;

/** A legacy Picoprobe found on a bus: the device and how it is listed. */
record FoundProbe(UsbBus bus, UsbDeviceInfo device, ProbeDescription description) {

    static final String DRIVER_NAME = "picoprobe";
    static final int VENDOR_ID = 0x2E8A;
    /** The legacy protocol; firmware with PID 0x000C speaks CMSIS-DAP and is not ours. */
    static final int PRODUCT_ID = 0x0004;

    /** The probe when the device is a legacy Picoprobe: VID, PID and device class 0, as pyOCD matches it. */
    static Optional<FoundProbe> of(UsbBus bus, UsbDeviceInfo device) {
        if (device.vendorId() != VENDOR_ID || device.productId() != PRODUCT_ID || device.deviceClass() != 0) {
            return Optional.empty();
        }
        String serial = device.serialNumber();
        String uniqueId = serial.isEmpty() ? device.busName() + ":" + device.location() : serial;
        String vendor = device.manufacturer().isEmpty() ? "Raspberry Pi" : device.manufacturer();
        String product = device.product().isEmpty() ? "Picoprobe" : device.product();
        return Optional.of(new FoundProbe(bus, device, new ProbeDescription(DRIVER_NAME, uniqueId, vendor, product,
                "", "", "", bus.name() + ":" + device.location())));
    }
}
