package io.probehost.sim.probe.usb;

import java.util.List;
import java.util.Optional;

import io.probehost.api.usb.UsbDeviceInfo;
import io.probehost.api.usb.UsbEndpointInfo;
import io.probehost.api.usb.UsbInterfaceInfo;

/**
 * What a virtual device tells the bus at enumeration: the device descriptor, its strings and the
 * interfaces of its only configuration. The bus adds its name and the port location.
 */
public record UsbDeviceDescriptor(int vendorId, int productId, int deviceClass, String manufacturer, String product,
        String serialNumber, List<UsbInterfaceInfo> interfaces) {

    public UsbDeviceDescriptor {
        interfaces = List.copyOf(interfaces);
    }

    public UsbDeviceInfo at(String busName, String location) {
        return new UsbDeviceInfo(busName, location, vendorId, productId, deviceClass, manufacturer, product,
                serialNumber, interfaces);
    }

    /** The interface an endpoint address belongs to. */
    public Optional<UsbInterfaceInfo> interfaceOf(int endpointAddress) {
        return interfaces.stream()
                .filter(i -> i.endpoints().stream().anyMatch(e -> e.address() == endpointAddress))
                .findFirst();
    }

    public Optional<UsbEndpointInfo> endpoint(int endpointAddress) {
        return interfaceOf(endpointAddress).flatMap(
                i -> i.endpoints().stream().filter(e -> e.address() == endpointAddress).findFirst());
    }
}
