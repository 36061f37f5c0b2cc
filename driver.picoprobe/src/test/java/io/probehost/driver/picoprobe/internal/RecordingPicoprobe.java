package io.probehost.driver.picoprobe.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;

import io.probehost.api.usb.UsbDevice;
import io.probehost.api.usb.UsbDeviceInfo;
import io.probehost.api.usb.UsbEndpointInfo;
import io.probehost.api.usb.UsbInterfaceInfo;
import io.probehost.api.usb.UsbTransferType;

/**
 * A USB device shaped like a legacy Picoprobe (note §1) that records every OUT packet in hex and
 * answers IN transfers from a script; a claim of any interface but the probe's fails the test.
 */
final class RecordingPicoprobe implements UsbDevice {
    static final UsbDeviceInfo INFO = new UsbDeviceInfo("test", "1-4", 0x2E8A, 0x0004, 0, "Raspberry Pi",
            "Picoprobe", "E66038B713849D31", List.of(
                    new UsbInterfaceInfo(0, 0x02, 0x02, 0x00, "",
                            List.of(new UsbEndpointInfo(0x81, UsbTransferType.INTERRUPT, 8))),
                    new UsbInterfaceInfo(1, 0x0A, 0x00, 0x00, "",
                            List.of(new UsbEndpointInfo(0x02, UsbTransferType.BULK, 64),
                                    new UsbEndpointInfo(0x83, UsbTransferType.BULK, 64))),
                    new UsbInterfaceInfo(2, 0xFF, 0x00, 0x00, "",
                            List.of(new UsbEndpointInfo(0x04, UsbTransferType.BULK, 64),
                                    new UsbEndpointInfo(0x85, UsbTransferType.BULK, 64)))));

    final List<String> packets = new ArrayList<>();
    final Deque<byte[]> responses = new ArrayDeque<>();
    final List<Integer> claimed = new ArrayList<>();
    final List<Integer> readsPerPacket = new ArrayList<>();
    int reads;
    int closes;
    /** When set, every packet that reads is answered at once, each read's bytes all this value. */
    private Byte autoAnswer;

    /** Queues the bytes of the next IN transfer. */
    RecordingPicoprobe answer(String hex) {
        responses.add(bytes(hex));
        return this;
    }

    /** Answers every packet's reads by itself from now on, every data byte {@code value}. */
    RecordingPicoprobe answerEveryRead(byte value) {
        autoAnswer = value;
        return this;
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    static String hex(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes);
    }

    @Override
    public UsbDeviceInfo info() {
        return INFO;
    }

    @Override
    public void claimInterface(int interfaceNumber) {
        claimed.add(interfaceNumber);
    }

    @Override
    public void releaseInterface(int interfaceNumber) {
    }

    @Override
    public int bulkTransfer(int endpoint, byte[] data, int offset, int length, int timeoutMillis) {
        if (endpoint == 0x04) {
            byte[] packet = Arrays.copyOfRange(data, offset, offset + length);
            packets.add(hex(packet));
            readsPerPacket.add(answerReads(packet));
            return length;
        }
        if (endpoint != 0x85) {
            throw new AssertionError(String.format("transfer on endpoint 0x%02X", endpoint));
        }
        reads++;
        byte[] response = responses.poll();
        if (response == null) {
            throw new AssertionError("IN transfer with no scripted response");
        }
        System.arraycopy(response, 0, data, offset, response.length);
        return response.length;
    }

    /** Walks the packet's commands; with {@link #answerEveryRead} queues the response. Returns the reads. */
    private int answerReads(byte[] packet) {
        ByteBuffer in = ByteBuffer.wrap(packet).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer response = ByteBuffer.allocate(PicoprobePacket.BUFFER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        response.putInt(0);
        in.position(4);
        int count = 0;
        while (in.hasRemaining()) {
            byte id = in.get();
            int code = in.get();
            int bits = in.getInt();
            if (code == PicoprobeCommand.WRITE_BITS.code()) {
                in.position(in.position() + PicoprobePacket.byteCount(bits));
            } else if (code == PicoprobeCommand.READ_BITS.code()) {
                count++;
                response.put(id).put((byte) code).putInt(bits);
                for (int i = 0; i < PicoprobePacket.byteCount(bits); i++) {
                    response.put(autoAnswer == null ? 0 : autoAnswer);
                }
            }
        }
        if (autoAnswer != null && count > 0) {
            response.putInt(0, response.position());
            responses.add(Arrays.copyOf(response.array(), response.position()));
        }
        return count;
    }

    @Override
    public int interruptTransfer(int endpoint, byte[] data, int offset, int length, int timeoutMillis) {
        throw new AssertionError("no interrupt transfers expected");
    }

    @Override
    public int controlTransfer(int requestType, int request, int value, int index, byte[] data, int offset,
            int length, int timeoutMillis) {
        throw new AssertionError("no control transfers expected");
    }

    @Override
    public void close() {
        closes++;
    }
}
