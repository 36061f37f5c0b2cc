package io.probehost.driver.cmsisdap.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

import io.probehost.api.ProbeDisconnectedException;
import io.probehost.api.TransferTimeoutException;
import io.probehost.api.usb.UsbDevice;
import io.probehost.api.usb.UsbDeviceInfo;

/**
 * A USB device that hands every OUT packet to a responder and queues its answer for the next IN
 * transfer. Records the packets, zero-length packets, control transfers and how many answers were
 * ever waiting at once (the packets in flight). HID IN reports are padded to the report size.
 */
final class MockUsbDevice implements UsbDevice {
    private final UsbDeviceInfo info;
    private final Function<byte[], byte[]> responder;
    private final Deque<byte[]> replies = new ArrayDeque<>();
    final List<byte[]> written = new ArrayList<>();
    final List<byte[]> staleReplies = new ArrayList<>();
    final List<Integer> claimed = new ArrayList<>();
    final List<Integer> released = new ArrayList<>();
    int zeroLengthPackets;
    int controlWrites;
    int maxInFlight;
    int closeCount;
    /** Transfers after this many IN reads throw ProbeDisconnectedException; -1 never. */
    int disconnectAfterReads = -1;
    int reads;

    MockUsbDevice(UsbDeviceInfo info, Function<byte[], byte[]> responder) {
        this.info = info;
        this.responder = responder;
    }

    /** Replies left over from an earlier session, returned before any answer. */
    void addStaleReply(byte[] reply) {
        replies.add(reply);
        staleReplies.add(reply);
    }

    List<String> writtenHex() {
        List<String> hex = new ArrayList<>();
        for (byte[] packet : written) {
            hex.add(Bytes.hex(packet));
        }
        return hex;
    }

    @Override
    public UsbDeviceInfo info() {
        return info;
    }

    @Override
    public void claimInterface(int interfaceNumber) {
        claimed.add(interfaceNumber);
    }

    @Override
    public void releaseInterface(int interfaceNumber) {
        released.add(interfaceNumber);
    }

    @Override
    public int bulkTransfer(int endpoint, byte[] data, int offset, int length, int timeoutMillis) {
        return transfer(endpoint, data, offset, length, false);
    }

    @Override
    public int interruptTransfer(int endpoint, byte[] data, int offset, int length, int timeoutMillis) {
        return transfer(endpoint, data, offset, length, true);
    }

    @Override
    public int controlTransfer(int requestType, int request, int value, int index, byte[] data, int offset,
            int length, int timeoutMillis) {
        controlWrites++;
        return write(data, offset, length);
    }

    private int transfer(int endpoint, byte[] data, int offset, int length, boolean hid) {
        checkAttached();
        if ((endpoint & 0x80) == 0) {
            if (length == 0) {
                zeroLengthPackets++;
                return 0;
            }
            return write(data, offset, length);
        }
        if (replies.isEmpty()) {
            throw new TransferTimeoutException("USB read timed out");
        }
        reads++;
        byte[] reply = replies.poll();
        int count = Math.min(length, reply.length);
        System.arraycopy(reply, 0, data, offset, count);
        if (hid) {
            Arrays.fill(data, offset + count, offset + length, (byte) 0xEE);
            return length;
        }
        return count;
    }

    private int write(byte[] data, int offset, int length) {
        checkAttached();
        byte[] packet = Arrays.copyOfRange(data, offset, offset + length);
        written.add(packet);
        byte[] reply = responder.apply(packet);
        if (reply != null) {
            replies.add(reply);
        }
        maxInFlight = Math.max(maxInFlight, replies.size());
        return length;
    }

    private void checkAttached() {
        if (disconnectAfterReads >= 0 && reads >= disconnectAfterReads) {
            throw new ProbeDisconnectedException("USB device " + info.location() + " was unplugged");
        }
    }

    @Override
    public void close() {
        closeCount++;
    }
}
