package io.probehost.api.usb;

import java.util.List;
import java.util.Optional;

/**
 * What enumeration tells of a USB device, before it is opened.
 *
 * @param busName      the {@link UsbBus#name()} of the bus it is on
 * @param location     a bus-unique location, such as {@code 1-4.2}; stable while the device stays attached
 * @param vendorId     idVendor
 * @param productId    idProduct
 * @param deviceClass  bDeviceClass
 * @param manufacturer iManufacturer string, empty when absent
 * @param product      iProduct string, empty when absent
 * @param serialNumber iSerialNumber string, empty when absent
 * @param interfaces   the interfaces of the active configuration
 */
public record UsbDeviceInfo(String busName, String location, int vendorId, int productId, int deviceClass,
        String manufacturer, String product, String serialNumber, List<UsbInterfaceInfo> interfaces) {

    public UsbDeviceInfo {
        interfaces = List.copyOf(interfaces);
        manufacturer = manufacturer == null ? "" : manufacturer;
        product = product == null ? "" : product;
        serialNumber = serialNumber == null ? "" : serialNumber;
    }

    public Optional<UsbInterfaceInfo> findInterface(int number) {
        return interfaces.stream().filter(i -> i.number() == number).findFirst();
    }

    /** {@code VVVV:PPPP} in hex, as lsusb prints it. */
    public String vidPid() {
        return String.format("%04x:%04x", vendorId, productId);
    }
}
