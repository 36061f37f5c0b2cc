package io.probehost.driver.cmsisdap.internal;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * DAP_Transfer: up to 255 DP/AP accesses on one DAP; the probe stops at the first failure.
 *
 * @param jtag whether the DAP is reached over JTAG, where every read is posted (see {@link #failedIndex})
 */
record TransferRequest(int dapIndex, List<Transfer> transfers, boolean jtag) implements TransferCommand {

    static final int MAX_TRANSFERS = 255;

    TransferRequest(int dapIndex, List<Transfer> transfers) {
        this(dapIndex, transfers, false);
    }

    TransferRequest {
        transfers = List.copyOf(transfers);
        if (transfers.isEmpty() || transfers.size() > MAX_TRANSFERS) {
            throw new IllegalArgumentException("DAP_Transfer takes 1 to 255 transfers, not " + transfers.size());
        }
    }

    /** Request size: ID, index, count, then a request byte per transfer and a word per write. */
    static int requestBytes(int reads, int writes) {
        return 3 + reads + 5 * writes;
    }

    /** Reply size: ID, executed, last response, then a word per read. */
    static int replyBytes(int reads) {
        return 3 + 4 * reads;
    }

    @Override
    public int count() {
        return transfers.size();
    }

    @Override
    public int requestBytes() {
        int reads = readCount();
        return requestBytes(reads, transfers.size() - reads);
    }

    @Override
    public int replyBytes() {
        return replyBytes(readCount());
    }

    private int readCount() {
        return (int) transfers.stream().filter(Transfer::isRead).count();
    }

    /**
     * The access a failed reply is about. The probe counts a posted read as executed when it sends
     * it, but collects its data with the next transaction; when that collection fails (a bus fault
     * of the read shows as FAULT there), the read is the last one counted and has no data.
     */
    int failedIndex(int executed) {
        if (executed > 0 && executed <= transfers.size() && transfers.get(executed - 1).isPosted(jtag)) {
            return executed - 1;
        }
        return Math.min(executed, transfers.size() - 1);
    }

    @Override
    public CommandId id() {
        return CommandId.TRANSFER;
    }

    @Override
    public void writeArguments(ByteBuffer out) {
        out.put((byte) dapIndex).put((byte) transfers.size());
        for (Transfer transfer : transfers) {
            out.put((byte) transfer.request());
            if (!transfer.isRead()) {
                out.putInt(transfer.data());
            }
        }
    }

    @Override
    public TransferReply readReply(ByteBuffer in) {
        int executed = in.get() & 0xFF;
        int lastResponse = in.get() & 0xFF;
        boolean ok = lastResponse == TransferAck.OK.code();
        int withData = ok ? Math.min(executed, transfers.size()) : failedIndex(executed);
        int reads = 0;
        for (int i = 0; i < withData; i++) {
            if (transfers.get(i).isRead()) {
                reads++;
            }
        }
        int[] data = new int[reads];
        for (int i = 0; i < reads; i++) {
            data[i] = in.getInt();
        }
        return new TransferReply(executed, lastResponse, data);
    }
}
