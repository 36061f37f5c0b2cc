package io.probehost.driver.cmsisdap.internal;

import java.nio.ByteBuffer;

/**
 * DAP_TransferBlock: {@code count} accesses to the same register, such as a MEM-AP DRW burst.
 *
 * @param request   the request byte (APnDP, RnW, A[3:2] only)
 * @param writeData the words written, from {@code offset}; null for a read
 */
record TransferBlockRequest(int dapIndex, int request, int count, int[] writeData, int offset)
        implements TransferCommand {

    /** ID, DAP index, count and request byte. */
    static final int REQUEST_HEADER_BYTES = 5;
    /** ID, count and last response. */
    static final int REPLY_HEADER_BYTES = 4;

    static TransferBlockRequest read(int dapIndex, int request, int count) {
        return new TransferBlockRequest(dapIndex, request, count, null, 0);
    }

    static TransferBlockRequest write(int dapIndex, int request, int[] values, int offset, int count) {
        return new TransferBlockRequest(dapIndex, request, count, values, offset);
    }

    /** Words one packet of {@code packetSize} bytes can read: the reply carries 4 header bytes. */
    static int maxReads(int packetSize) {
        return (packetSize - REPLY_HEADER_BYTES) / 4;
    }

    /** Words one packet can write: the request carries 5 header bytes. */
    static int maxWrites(int packetSize) {
        return (packetSize - REQUEST_HEADER_BYTES) / 4;
    }

    @Override
    public int requestBytes() {
        return REQUEST_HEADER_BYTES + (isRead() ? 0 : 4 * count);
    }

    @Override
    public int replyBytes() {
        return REPLY_HEADER_BYTES + (isRead() ? 4 * count : 0);
    }

    boolean isRead() {
        return (request & Transfer.READ) != 0;
    }

    @Override
    public CommandId id() {
        return CommandId.TRANSFER_BLOCK;
    }

    @Override
    public void writeArguments(ByteBuffer out) {
        out.put((byte) dapIndex).putShort((short) count).put((byte) request);
        if (!isRead()) {
            for (int i = 0; i < count; i++) {
                out.putInt(writeData[offset + i]);
            }
        }
    }

    @Override
    public TransferReply readReply(ByteBuffer in) {
        int executed = in.getShort() & 0xFFFF;
        int lastResponse = in.get() & 0xFF;
        int[] data = new int[isRead() ? Math.min(executed, count) : 0];
        for (int i = 0; i < data.length; i++) {
            data[i] = in.getInt();
        }
        return new TransferReply(executed, lastResponse, data);
    }
}
