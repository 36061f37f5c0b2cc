package io.probehost.driver.cmsisdap.internal;

import java.util.ArrayList;
import java.util.List;

/** A DAP_Transfer packet being filled, then in flight: its accesses and the reads waiting on it. */
final class TransferPacket implements TransferPart {
    private final int dapIndex;
    private final boolean jtag;
    private final int packetSize;
    private final List<Transfer> transfers = new ArrayList<>();
    private final List<PendingRead> reads = new ArrayList<>();
    private int readCount;
    private int writeCount;

    TransferPacket(int dapIndex, boolean jtag, int packetSize) {
        this.dapIndex = dapIndex;
        this.jtag = jtag;
        this.packetSize = packetSize;
    }

    boolean isEmpty() {
        return transfers.isEmpty();
    }

    int size() {
        return transfers.size();
    }

    /** Whether one more access fits the count limit and both the request and reply budgets. */
    boolean fits(Transfer transfer) {
        int reads = readCount + (transfer.isRead() ? 1 : 0);
        int writes = writeCount + (transfer.isRead() ? 0 : 1);
        return transfers.size() < TransferRequest.MAX_TRANSFERS
                && TransferRequest.requestBytes(reads, writes) <= packetSize
                && TransferRequest.replyBytes(reads) <= packetSize;
    }

    /** Adds an access; {@code read} is the pending read for a read access, null for a write. */
    void add(Transfer transfer, PendingRead read) {
        transfers.add(transfer);
        reads.add(read);
        if (transfer.isRead()) {
            readCount++;
        } else {
            writeCount++;
        }
    }

    @Override
    public boolean contains(AwaitedResult read) {
        return reads.contains(read);
    }

    @Override
    public TransferRequest command() {
        return new TransferRequest(dapIndex, transfers, jtag);
    }

    @Override
    public RuntimeException complete(TransferReply reply) {
        int executed = Math.min(reply.executed(), transfers.size());
        RuntimeException error = null;
        int answered = executed;
        if (!reply.isOk()) {
            answered = new TransferRequest(dapIndex, transfers, jtag).failedIndex(executed);
            error = TransferErrors.forResponse(reply.lastResponse(), describe(answered));
        } else if (executed < transfers.size()) {
            error = TransferErrors.stoppedWithoutError(CommandId.TRANSFER, executed, transfers.size());
        }
        int word = 0;
        for (int i = 0; i < answered; i++) {
            if (reads.get(i) != null) {
                reads.get(i).succeed(reply.readData()[word++]);
            }
        }
        if (error != null) {
            fail(error);
        }
        return error;
    }

    private String describe(int index) {
        return Transfer.describe(transfers.get(index).request())
                + (transfers.size() > 1 ? " (transfer " + (index + 1) + " of " + transfers.size() + ")" : "");
    }

    @Override
    public void fail(RuntimeException cause) {
        for (PendingRead read : reads) {
            if (read != null) {
                read.fail(cause);
            }
        }
    }
}
