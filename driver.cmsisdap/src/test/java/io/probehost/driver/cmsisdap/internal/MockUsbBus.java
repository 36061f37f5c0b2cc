package io.probehost.driver.cmsisdap.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.probehost.api.ProbeDisconnectedException;
import io.probehost.api.usb.UsbBus;
import io.probehost.api.usb.UsbDevice;
import io.probehost.api.usb.UsbDeviceInfo;
import io.probehost.api.usb.UsbEndpointInfo;
import io.probehost.api.usb.UsbHotplugListener;
import io.probehost.api.usb.UsbInterfaceInfo;
import io.probehost.api.usb.UsbTransferType;

/** A bus of mock devices; {@link #failing} makes {@link #devices()} throw. */
final class MockUsbBus implements UsbBus {
    private final String name;
    private final Map<UsbDeviceInfo, Function<byte[], byte[]>> devices = new LinkedHashMap<>();
    final List<MockUsbDevice> opened = new ArrayList<>();
    RuntimeException failing;

    MockUsbBus(String name) {
        this.name = name;
    }

    MockUsbBus attach(UsbDeviceInfo device, Function<byte[], byte[]> responder) {
        devices.put(device, responder);
        return this;
    }

    void detachAll() {
        devices.clear();
    }

    MockUsbDevice lastOpened() {
        return opened.get(opened.size() - 1);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<UsbDeviceInfo> devices() {
        if (failing != null) {
            throw failing;
        }
        return List.copyOf(devices.keySet());
    }

    @Override
    public UsbDevice open(UsbDeviceInfo device) {
        Function<byte[], byte[]> responder = devices.get(device);
        if (responder == null) {
            throw new ProbeDisconnectedException("no device at " + device.location());
        }
        MockUsbDevice opened = new MockUsbDevice(device, responder);
        this.opened.add(opened);
        return opened;
    }

    @Override
    public void addHotplugListener(UsbHotplugListener listener) {
    }

    @Override
    public void removeHotplugListener(UsbHotplugListener listener) {
    }

    // Descriptors of typical probes.

    static UsbInterfaceInfo v2Interface(int number, int maxPacket) {
        return new UsbInterfaceInfo(number, UsbInterfaceInfo.CLASS_VENDOR_SPECIFIC, 0, 0, "CMSIS-DAP v2",
                List.of(new UsbEndpointInfo(0x02, UsbTransferType.BULK, maxPacket),
                        new UsbEndpointInfo(0x81, UsbTransferType.BULK, maxPacket)));
    }

    static UsbInterfaceInfo hidInterface(int number, boolean withOut) {
        List<UsbEndpointInfo> endpoints = withOut
                ? List.of(new UsbEndpointInfo(0x83, UsbTransferType.INTERRUPT, 64),
                        new UsbEndpointInfo(0x04, UsbTransferType.INTERRUPT, 64))
                : List.of(new UsbEndpointInfo(0x83, UsbTransferType.INTERRUPT, 64));
        return new UsbInterfaceInfo(number, UsbInterfaceInfo.CLASS_HID, 0, 0, "", endpoints);
    }

    static UsbDeviceInfo device(String location, int vid, int pid, String product, String serial,
            UsbInterfaceInfo... interfaces) {
        return new UsbDeviceInfo("lab", location, vid, pid, 0xEF, "ARM", product, serial, List.of(interfaces));
    }
}
