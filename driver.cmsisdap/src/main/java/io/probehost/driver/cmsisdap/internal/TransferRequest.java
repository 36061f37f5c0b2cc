package io.probehost.driver.cmsisdap.internal;

import java.nio.ByteBuffer;
import java.util.List;

/** DAP_Transfer: up to 255 DP/AP accesses on one DAP; the probe stops at the first failure. */
record TransferRequest(int dapIndex, List<Transfer> transfers) implements DapCommand<TransferReply> {

    static final int MAX_TRANSFERS = 255;

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
        int reads = 0;
        for (int i = 0; i < Math.min(executed, transfers.size()); i++) {
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
