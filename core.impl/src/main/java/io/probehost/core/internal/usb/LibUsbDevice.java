package io.probehost.core.internal.usb;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.HashSet;
import java.util.Set;

import org.usb4java.BufferUtils;
import org.usb4java.DeviceHandle;
import org.usb4java.LibUsb;

import io.probehost.api.ProbeDisconnectedException;
import io.probehost.api.TransferTimeoutException;
import io.probehost.api.usb.UsbDevice;
import io.probehost.api.usb.UsbDeviceInfo;
import io.probehost.api.usb.UsbException;

/** An opened libusb device; every libusb return code is checked and turned into an exception. */
final class LibUsbDevice implements UsbDevice {
    private final UsbDeviceInfo info;
    private final Set<Integer> claimed = new HashSet<>();
    private DeviceHandle handle;

    LibUsbDevice(UsbDeviceInfo info, DeviceHandle handle) {
        this.info = info;
        this.handle = handle;
    }

    @Override
    public UsbDeviceInfo info() {
        return info;
    }

    @Override
    public synchronized void claimInterface(int interfaceNumber) {
        LibUsb.setAutoDetachKernelDriver(openHandle(), true);
        check(LibUsb.claimInterface(openHandle(), interfaceNumber), "claim interface " + interfaceNumber);
        claimed.add(interfaceNumber);
    }

    @Override
    public synchronized void releaseInterface(int interfaceNumber) {
        if (claimed.remove(interfaceNumber)) {
            check(LibUsb.releaseInterface(openHandle(), interfaceNumber), "release interface " + interfaceNumber);
        }
    }

    @Override
    public int bulkTransfer(int endpoint, byte[] data, int offset, int length, int timeoutMillis) {
        ByteBuffer buffer = outgoing(endpoint, data, offset, length);
        IntBuffer transferred = BufferUtils.allocateIntBuffer();
        check(LibUsb.bulkTransfer(openHandle(), (byte) endpoint, buffer, transferred, timeoutMillis),
                String.format("bulk transfer on endpoint 0x%02x", endpoint));
        return incoming(endpoint, buffer, transferred.get(0), data, offset);
    }

    @Override
    public int interruptTransfer(int endpoint, byte[] data, int offset, int length, int timeoutMillis) {
        ByteBuffer buffer = outgoing(endpoint, data, offset, length);
        IntBuffer transferred = BufferUtils.allocateIntBuffer();
        check(LibUsb.interruptTransfer(openHandle(), (byte) endpoint, buffer, transferred, timeoutMillis),
                String.format("interrupt transfer on endpoint 0x%02x", endpoint));
        return incoming(endpoint, buffer, transferred.get(0), data, offset);
    }

    @Override
    public int controlTransfer(int requestType, int request, int value, int index, byte[] data, int offset,
            int length, int timeoutMillis) {
        ByteBuffer buffer = outgoing(requestType, data, offset, length);
        int result = LibUsb.controlTransfer(openHandle(), (byte) requestType, (byte) request, (short) value,
                (short) index, buffer, timeoutMillis);
        check(result, "control transfer " + request);
        return incoming(requestType, buffer, result, data, offset);
    }

    @Override
    public synchronized void close() {
        if (handle == null) {
            return;
        }
        for (int number : claimed) {
            LibUsb.releaseInterface(handle, number);
        }
        claimed.clear();
        LibUsb.close(handle);
        handle = null;
    }

    private synchronized DeviceHandle openHandle() {
        if (handle == null) {
            throw new ProbeDisconnectedException("USB device " + info.vidPid() + " is closed");
        }
        return handle;
    }

    private static ByteBuffer outgoing(int endpointOrRequestType, byte[] data, int offset, int length) {
        ByteBuffer buffer = BufferUtils.allocateByteBuffer(length);
        if ((endpointOrRequestType & 0x80) == 0) {
            buffer.put(data, offset, length);
            buffer.rewind();
        }
        return buffer;
    }

    private static int incoming(int endpointOrRequestType, ByteBuffer buffer, int count, byte[] data, int offset) {
        if ((endpointOrRequestType & 0x80) != 0) {
            buffer.rewind();
            buffer.get(data, offset, count);
        }
        return count;
    }

    private void check(int result, String what) {
        if (result >= 0) {
            return;
        }
        String message = what + " on " + info.vidPid() + ": " + LibUsb.strError(result);
        if (result == LibUsb.ERROR_TIMEOUT) {
            throw new TransferTimeoutException(message);
        }
        if (result == LibUsb.ERROR_NO_DEVICE) {
            throw new ProbeDisconnectedException(message);
        }
        throw new UsbException(message, result);
    }
}
