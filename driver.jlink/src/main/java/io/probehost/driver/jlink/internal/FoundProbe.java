package io.probehost.driver.jlink.internal;

import java.util.Optional;

import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.usb.UsbBus;
import io.probehost.api.usb.UsbDeviceInfo;
import io.probehost.api.usb.UsbInterfaceInfo;

/** A J-Link found on a bus: the device, its J-Link interface, and how it is listed. */
record FoundProbe(UsbBus bus, UsbDeviceInfo device, UsbInterfaceInfo jlinkInterface, ProbeDescription description) {

    static final String DRIVER_NAME = "jlink";
    static final int VENDOR_ID = 0x1366;
    private static final int NEW_STYLE = 0x1000;
    private static final int SEGGER_DRIVER = 0x0010;
    private static final int WINUSB = 0x0020;

    /**
     * The probe when the device is a J-Link speaking the native protocol: SEGGER's vendor ID, a legacy
     * product ID or a new-style one whose interface is SEGGER's or WinUSB (a J-Link re-flashed as
     * CMSIS-DAP is not), and a vendor-specific interface (class, subclass and protocol 0xFF) with one
     * bulk IN and one bulk OUT endpoint.
     */
    static Optional<FoundProbe> of(UsbBus bus, UsbDeviceInfo device, String productName) {
        if (device.vendorId() != VENDOR_ID || !isNativeProductId(device.productId())) {
            return Optional.empty();
        }
        return jlinkInterface(device).map(found -> new FoundProbe(bus, device, found,
                new ProbeDescription(DRIVER_NAME, uniqueId(device), "SEGGER", productName, "", "", "",
                        bus.name() + ":" + device.location())));
    }

    static boolean isNativeProductId(int productId) {
        if ((productId & NEW_STYLE) != 0) {
            return (productId & (SEGGER_DRIVER | WINUSB)) != 0;
        }
        return productId >= 0x0101 && productId <= 0x0108 && productId != 0x0106;
    }

    static Optional<UsbInterfaceInfo> jlinkInterface(UsbDeviceInfo device) {
        return device.interfaces().stream()
                .filter(i -> i.interfaceClass() == UsbInterfaceInfo.CLASS_VENDOR_SPECIFIC && i.subClass() == 0xFF
                        && i.protocol() == 0xFF)
                .filter(i -> i.endpoints().size() == 2 && i.endpoints().stream().filter(e -> e.isIn()).count() == 1)
                .findFirst();
    }

    /**
     * The USB serial string as the probe gives it (12 digits with leading zeros; {@code -u 260100123}
     * finds it, a unique ID matching in part); no serial: the location.
     */
    static String uniqueId(UsbDeviceInfo device) {
        String serial = device.serialNumber().trim();
        return serial.isEmpty() ? device.busName() + ":" + device.location() : serial;
    }
}
