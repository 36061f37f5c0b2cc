package io.probehost.sim.probe.cmsisdap;

import java.util.Arrays;
import java.util.HexFormat;

import io.probehost.api.usb.UsbDevice;
import io.probehost.api.usb.UsbDeviceInfo;
import io.probehost.api.usb.UsbInterfaceInfo;
import io.probehost.sim.adi.SwjPins;
import io.probehost.sim.mcu.VirtualClock;
import io.probehost.sim.probe.usb.VirtualUsbBus;

/** A probe plugged into a fresh bus, opened through the UsbBus seam as a driver would, on one transport. */
final class ProbeHarness implements AutoCloseable {
    final VirtualUsbBus bus = new VirtualUsbBus();
    final VirtualClock clock;
    final CmsisDapProbe probe;
    final UsbDeviceInfo info;
    final UsbDevice device;
    final boolean hid;
    final int outEndpoint;
    final int inEndpoint;
    final int packetSize;

    ProbeHarness(CmsisDapConfig config, SwjPins pins, DapTransportKind kind) {
        this(config, pins, kind, new VirtualClock());
    }

    ProbeHarness(CmsisDapConfig config, SwjPins pins, DapTransportKind kind, VirtualClock targetClock) {
        clock = targetClock;
        probe = new CmsisDapProbe(config, pins, clock);
        info = bus.attach(probe);
        device = bus.open(info);
        hid = kind == DapTransportKind.V1_HID;
        int wantedClass = hid ? UsbInterfaceInfo.CLASS_HID : UsbInterfaceInfo.CLASS_VENDOR_SPECIFIC;
        UsbInterfaceInfo iface = info.interfaces().stream().filter(i -> i.interfaceClass() == wantedClass)
                .findFirst().orElseThrow();
        device.claimInterface(iface.number());
        outEndpoint = iface.endpoints().stream().filter(e -> !e.isIn()).findFirst().orElseThrow().address();
        inEndpoint = iface.endpoints().stream().filter(e -> e.isIn()).findFirst().orElseThrow().address();
        packetSize = iface.endpoints().get(0).maxPacketSize();
    }

    static ProbeHarness v2(SwjPins pins) {
        return new ProbeHarness(CmsisDapProbes.genericV21Config("LAB0001", "Nordic Semiconductor", "nRF51822_xxAA",
                "BBC", "micro:bit"), pins, DapTransportKind.V2_BULK);
    }

    static ProbeHarness dapLink(SwjPins pins, DapTransportKind kind) {
        return new ProbeHarness(CmsisDapProbes.dapLinkConfig(CmsisDapProbes.microBitSerial("test")), pins, kind);
    }

    /** Sends a request (HID reports padded to the full size) and returns the response (HID: whole report). */
    byte[] exchange(String requestHex) {
        send(hex(requestHex));
        return receive(2000);
    }

    /** Like {@link #exchange} but cut to the first {@code length} bytes, as hex. */
    String exchangeHex(String requestHex, int length) {
        return hex(Arrays.copyOf(exchange(requestHex), length));
    }

    /** The whole response as hex (v2 responses are short transfers). */
    String exchangeHex(String requestHex) {
        return hex(exchange(requestHex));
    }

    void send(byte[] request) {
        if (hid) {
            byte[] report = Arrays.copyOf(request, packetSize);
            device.interruptTransfer(outEndpoint, report, 0, report.length, 1000);
        } else {
            device.bulkTransfer(outEndpoint, request, 0, request.length, 1000);
        }
    }

    byte[] receive(int timeoutMillis) {
        byte[] buffer = new byte[packetSize];
        int n = hid ? device.interruptTransfer(inEndpoint, buffer, 0, buffer.length, timeoutMillis)
                : device.bulkTransfer(inEndpoint, buffer, 0, buffer.length, timeoutMillis);
        return Arrays.copyOf(buffer, n);
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    static String hex(byte[] b) {
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(b);
    }

    @Override
    public void close() {
        device.close();
        probe.close();
        bus.close();
    }
}
