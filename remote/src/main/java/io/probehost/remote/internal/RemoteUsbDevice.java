package io.probehost.remote.internal;

import io.probehost.api.usb.UsbDevice;
import io.probehost.api.usb.UsbDeviceInfo;

/** A device of a station, opened over its {@link RemoteUsbBus}: every call is one request and its reply. */
final class RemoteUsbDevice implements UsbDevice {
    private final RemoteUsbBus bus;
    private final UsbDeviceInfo info;
    private final int handle;
    private boolean closed;

    RemoteUsbDevice(RemoteUsbBus bus, UsbDeviceInfo info, int handle) {
        this.bus = bus;
        this.info = info;
        this.handle = handle;
    }

    @Override
    public UsbDeviceInfo info() {
        return info;
    }

    @Override
    public void claimInterface(int interfaceNumber) {
        bus.call(Operation.CLAIM_INTERFACE, out -> {
            out.writeInt(handle);
            out.writeInt(interfaceNumber);
        });
    }

    @Override
    public void releaseInterface(int interfaceNumber) {
        bus.call(Operation.RELEASE_INTERFACE, out -> {
            out.writeInt(handle);
            out.writeInt(interfaceNumber);
        });
    }

    @Override
    public int bulkTransfer(int endpoint, byte[] data, int offset, int length, int timeoutMillis) {
        return transfer(Operation.BULK_TRANSFER, endpoint, data, offset, length, timeoutMillis);
    }

    @Override
    public int interruptTransfer(int endpoint, byte[] data, int offset, int length, int timeoutMillis) {
        return transfer(Operation.INTERRUPT_TRANSFER, endpoint, data, offset, length, timeoutMillis);
    }

    private int transfer(Operation operation, int endpoint, byte[] data, int offset, int length, int timeoutMillis) {
        boolean deviceToHost = (endpoint & 0x80) != 0;
        ReplyReader reply = bus.call(operation, out -> {
            out.writeInt(handle);
            out.writeByte(endpoint);
            out.writeInt(length);
            out.writeInt(timeoutMillis);
            Frame.writeBytes(out, data, offset, deviceToHost ? 0 : length);
        });
        return received(reply, data, offset, length);
    }

    @Override
    public int controlTransfer(int requestType, int request, int value, int index, byte[] data, int offset,
            int length, int timeoutMillis) {
        boolean deviceToHost = (requestType & 0x80) != 0;
        ReplyReader reply = bus.call(Operation.CONTROL_TRANSFER, out -> {
            out.writeInt(handle);
            out.writeByte(requestType);
            out.writeByte(request);
            out.writeShort(value);
            out.writeShort(index);
            out.writeInt(length);
            out.writeInt(timeoutMillis);
            Frame.writeBytes(out, data == null ? new byte[0] : data, offset, deviceToHost || data == null ? 0 : length);
        });
        return received(reply, data, offset, length);
    }

    /** The count the station reports; bytes received from the device are copied into {@code data}. */
    private static int received(ReplyReader reply, byte[] data, int offset, int length) {
        int count = reply.readInt();
        byte[] received = reply.readBytes();
        if (received.length > length) {
            throw new RemoteProtocolException("the station returned " + received.length + " bytes for a "
                    + length + "-byte buffer");
        }
        if (received.length > 0) {
            System.arraycopy(received, 0, data, offset, received.length);
        }
        return count;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            bus.call(Operation.CLOSE, out -> out.writeInt(handle));
        } catch (RuntimeException e) {
            // the station closes what a lost connection had open
            bus.disconnect();
        }
    }
}
