package io.probehost.sim.probe.usb;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import io.probehost.api.usb.UsbEndpointInfo;
import io.probehost.api.usb.UsbInterfaceInfo;
import io.probehost.api.usb.UsbTransferType;

/** Interface 0: bulk OUT 0x01 / IN 0x81 looping packets back; interface 1: interrupt IN 0x82 that never answers. */
final class LoopbackDevice implements VirtualUsbDevice {
    private final Deque<byte[]> loop = new ArrayDeque<>();
    private VirtualUsbPort port;
    int capacity = 2;
    int unpluggedCalls;

    @Override
    public UsbDeviceDescriptor descriptor() {
        return new UsbDeviceDescriptor(0x1234, 0x5678, 0, "Lab", "Loopback", "L1", List.of(
                new UsbInterfaceInfo(0, UsbInterfaceInfo.CLASS_VENDOR_SPECIFIC, 0, 0, "loop", List.of(
                        new UsbEndpointInfo(0x01, UsbTransferType.BULK, 64),
                        new UsbEndpointInfo(0x81, UsbTransferType.BULK, 64))),
                new UsbInterfaceInfo(1, UsbInterfaceInfo.CLASS_HID, 0, 0, "", List.of(
                        new UsbEndpointInfo(0x82, UsbTransferType.INTERRUPT, 8)))));
    }

    @Override
    public void plugged(VirtualUsbPort newPort) {
        port = newPort;
    }

    @Override
    public void unplugged() {
        unpluggedCalls++;
    }

    @Override
    public synchronized boolean receive(int endpoint, byte[] data) {
        if (loop.size() >= capacity) {
            return false;
        }
        loop.add(data);
        port.wake();
        return true;
    }

    @Override
    public byte[] transmit(int endpoint) {
        if (endpoint != 0x81) {
            return null;
        }
        byte[] packet;
        synchronized (this) {
            packet = loop.poll();
        }
        if (packet != null) {
            port.wake();
        }
        return packet;
    }
}
