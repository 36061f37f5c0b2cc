package io.probehost.api.usb;

import java.util.List;

/**
 * One interface (alternate setting 0) of a USB device.
 *
 * @param number         bInterfaceNumber
 * @param interfaceClass bInterfaceClass (0x03 HID, 0xFF vendor specific, ...)
 * @param subClass       bInterfaceSubClass
 * @param protocol       bInterfaceProtocol
 * @param name           iInterface string, empty when absent
 * @param endpoints      endpoints in descriptor order
 */
public record UsbInterfaceInfo(int number, int interfaceClass, int subClass, int protocol, String name,
        List<UsbEndpointInfo> endpoints) {

    public static final int CLASS_HID = 0x03;
    public static final int CLASS_VENDOR_SPECIFIC = 0xFF;

    public UsbInterfaceInfo {
        endpoints = List.copyOf(endpoints);
        name = name == null ? "" : name;
    }
}
