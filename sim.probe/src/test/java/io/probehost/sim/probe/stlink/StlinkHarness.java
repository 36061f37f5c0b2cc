package io.probehost.sim.probe.stlink;

import java.util.Arrays;
import java.util.HexFormat;

import io.probehost.api.usb.UsbDevice;
import io.probehost.api.usb.UsbDeviceInfo;
import io.probehost.sim.adi.SwjPins;
import io.probehost.sim.mcu.VirtualClock;
import io.probehost.sim.probe.usb.VirtualUsbBus;

/** An ST-Link plugged into a fresh bus and opened through the UsbBus seam, interface 0 claimed. */
final class StlinkHarness implements AutoCloseable {
    final VirtualUsbBus bus = new VirtualUsbBus();
    final StlinkProbe probe;
    final UsbDeviceInfo info;
    final UsbDevice device;

    StlinkHarness(StlinkConfig config, SwjPins pins, VirtualClock clock) {
        probe = new StlinkProbe(config, pins, clock);
        info = bus.attach(probe);
        device = bus.open(info);
        device.claimInterface(0);
    }

    /** Sends a command block (padded to 16 bytes) and reads an answer of up to {@code length} bytes. */
    String exchange(String command, int length) {
        send(command);
        return read(length);
    }

    /** Sends a command block padded to 16 bytes; no IN phase. */
    void send(String command) {
        byte[] block = Arrays.copyOf(hex(command), 16);
        device.bulkTransfer(probe.config().model().outEndpoint(), block, 0, block.length, 1000);
    }

    void sendData(byte[] data) {
        device.bulkTransfer(probe.config().model().outEndpoint(), data, 0, data.length, 1000);
    }

    String read(int length) {
        return hex(readBytes(length));
    }

    byte[] readBytes(int length) {
        byte[] buffer = new byte[length];
        int n = device.bulkTransfer(probe.config().model().inEndpoint(), buffer, 0, length, 1000);
        return Arrays.copyOf(buffer, n);
    }

    byte[] readBytesAfter(String command, int length) {
        send(command);
        return readBytes(length);
    }

    /** GETLASTRWSTATUS2 (12 bytes). */
    String lastRwStatus() {
        return exchange("F2 3E", 12);
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
