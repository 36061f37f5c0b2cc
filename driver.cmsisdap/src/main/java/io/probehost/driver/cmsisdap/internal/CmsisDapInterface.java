package io.probehost.driver.cmsisdap.internal;

import java.util.List;
import java.util.Optional;

import io.probehost.api.usb.UsbDeviceInfo;
import io.probehost.api.usb.UsbEndpointInfo;
import io.probehost.api.usb.UsbInterfaceInfo;
import io.probehost.api.usb.UsbTransferType;

/**
 * The USB interface a CMSIS-DAP probe talks through, as found in the descriptors.
 *
 * @param number          bInterfaceNumber
 * @param bulk            true for v2 (bulk), false for v1 (HID)
 * @param outEndpoint     the OUT endpoint address, or -1 for a HID interface without one
 * @param swoEndpoint     v2 only: the SWO streaming bulk IN endpoint, or -1
 */
record CmsisDapInterface(int number, boolean bulk, int outEndpoint, int outMaxPacketSize, int inEndpoint,
        int inMaxPacketSize, int swoEndpoint) {

    static final String MARKER = "CMSIS-DAP";

    boolean hasOutEndpoint() {
        return outEndpoint >= 0;
    }

    /**
     * The v2 interface: vendor class, a name containing "CMSIS-DAP", bulk OUT then bulk IN as its
     * first endpoints, and optionally a third bulk IN endpoint for SWO.
     */
    static Optional<CmsisDapInterface> findV2(UsbDeviceInfo device) {
        for (UsbInterfaceInfo candidate : device.interfaces()) {
            if (candidate.interfaceClass() != UsbInterfaceInfo.CLASS_VENDOR_SPECIFIC
                    || !candidate.name().contains(MARKER)) {
                continue;
            }
            List<UsbEndpointInfo> endpoints = candidate.endpoints();
            if (endpoints.size() < 2 || !isBulk(endpoints.get(0), false) || !isBulk(endpoints.get(1), true)) {
                continue;
            }
            int swo = endpoints.size() > 2 && isBulk(endpoints.get(2), true) ? endpoints.get(2).address() : -1;
            return Optional.of(new CmsisDapInterface(candidate.number(), true, endpoints.get(0).address(),
                    endpoints.get(0).maxPacketSize(), endpoints.get(1).address(), endpoints.get(1).maxPacketSize(),
                    swo));
        }
        return Optional.empty();
    }

    /**
     * The v1 interface: HID class, with "CMSIS-DAP" in the product or interface string, an
     * interrupt IN endpoint and optionally an interrupt OUT endpoint.
     */
    static Optional<CmsisDapInterface> findV1(UsbDeviceInfo device) {
        // A HID interface named CMSIS-DAP wins over one matched only by the product string: probes
        // such as LPC-Link2 have further HID interfaces for other purposes.
        Optional<CmsisDapInterface> named = findHid(device, true);
        return named.isPresent() || !device.product().contains(MARKER) ? named : findHid(device, false);
    }

    private static Optional<CmsisDapInterface> findHid(UsbDeviceInfo device, boolean byInterfaceName) {
        for (UsbInterfaceInfo candidate : device.interfaces()) {
            if (candidate.interfaceClass() != UsbInterfaceInfo.CLASS_HID
                    || (byInterfaceName && !candidate.name().contains(MARKER))) {
                continue;
            }
            UsbEndpointInfo in = null;
            UsbEndpointInfo out = null;
            for (UsbEndpointInfo endpoint : candidate.endpoints()) {
                if (endpoint.type() != UsbTransferType.INTERRUPT) {
                    continue;
                }
                if (endpoint.isIn() && in == null) {
                    in = endpoint;
                } else if (!endpoint.isIn() && out == null) {
                    out = endpoint;
                }
            }
            if (in == null) {
                continue;
            }
            return Optional.of(new CmsisDapInterface(candidate.number(), false, out == null ? -1 : out.address(),
                    out == null ? 0 : out.maxPacketSize(), in.address(), in.maxPacketSize(), -1));
        }
        return Optional.empty();
    }

    private static boolean isBulk(UsbEndpointInfo endpoint, boolean in) {
        return endpoint.type() == UsbTransferType.BULK && endpoint.isIn() == in;
    }
}
