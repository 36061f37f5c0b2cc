package io.probehost.sim.probe.cmsisdap;

import static io.probehost.sim.probe.cmsisdap.TransferAck.MISMATCH;
import static io.probehost.sim.probe.cmsisdap.TransferAck.OK;
import static io.probehost.sim.probe.cmsisdap.TransferAck.RDBUFF_READ;
import static io.probehost.sim.probe.cmsisdap.TransferAck.READ;
import static io.probehost.sim.probe.cmsisdap.TransferAck.TIMESTAMP;
import static io.probehost.sim.probe.cmsisdap.TransferAck.VALUE_MATCH;
import static io.probehost.sim.probe.cmsisdap.TransferAck.WAIT;

/**
 * What DAP_Transfer and DAP_TransferBlock do the same way in SWD and JTAG mode: WAIT retries,
 * value-match read loops, timestamps, skipping requests that were not executed, and the whole of
 * DAP_TransferBlock, where the modes differ only through the hooks below. DAP_Transfer's rules for
 * posting and collecting reads differ more, as in the firmware, and stay in {@link SwdTransfers} and
 * {@link JtagTransfers}.
 */
abstract class DapTransfers {
    protected final DapState state;
    private final DapTransaction wire;
    private final TestDomainTimer timer;

    DapTransfers(DapTransaction wire, DapState state, TestDomainTimer timer) {
        this.wire = wire;
        this.state = state;
        this.timer = timer;
    }

    /** Selects the device of the DAP index a transfer command names; false if there is none. */
    protected abstract boolean selectDevice(int index);

    /** Prepares the wire for a block of {@code request} transfers. */
    protected abstract void startBlock(int request);

    /** Whether block reads of {@code request} are posted, the last one then collected from RDBUFF. */
    protected abstract boolean postsBlockReads(int request);

    /** Prepares the wire for the RDBUFF read that ends a block. */
    protected abstract void beforeRdbuffRead();

    /** DAP_TransferBlock: one request repeated; the reply counts the transfers done and the last ACK. */
    final void transferBlock(PacketReader in, PacketWriter out) {
        int head = out.position();
        out.u8(0);
        out.u8(0);
        out.u8(0);
        state.transferAbort = false;
        int responseCount = 0;
        int responseValue = 0;
        boolean deviceSelected = selectDevice(in.u8());
        int count = in.u16();
        block:
        if (deviceSelected && count != 0) {
            int request = in.u8();
            startBlock(request);
            if ((request & READ) != 0) {
                boolean posted = postsBlockReads(request);
                if (posted) {
                    responseValue = retried(request, 0); // post the first read
                    if (responseValue != OK) {
                        break block;
                    }
                }
                while (count-- > 0) {
                    if (count == 0 && posted) {
                        beforeRdbuffRead();
                        request = RDBUFF_READ; // the last posted read is collected from RDBUFF
                    }
                    responseValue = retried(request, 0);
                    if (responseValue != OK) {
                        break block;
                    }
                    out.u32(wire.lastRead());
                    responseCount++;
                }
            } else {
                while (count-- > 0) {
                    responseValue = retried(request, in.u32());
                    if (responseValue != OK) {
                        break block;
                    }
                    responseCount++;
                }
                beforeRdbuffRead();
                responseValue = retried(RDBUFF_READ, 0);
            }
        }
        out.set(head, responseCount);
        out.set(head + 1, responseCount >>> 8);
        out.set(head + 2, responseValue);
    }

    /** One transaction, repeated while the target answers WAIT, at most WaitRetry more times. */
    protected final int retried(int request, int data) {
        int retry = state.retryCount;
        int ack;
        do {
            ack = wire.transfer(request, data);
        } while (ack == WAIT && retry-- != 0 && !state.transferAbort);
        return ack;
    }

    /**
     * Repeats a read until the masked value matches, at most MatchRetry more times; the ACK carries
     * the mismatch bit if it never did. A posted read must have been started before.
     */
    protected final int readUntilMatch(int request, int matchValue) {
        int matchRetry = state.matchRetry;
        int ack;
        do {
            ack = retried(request, 0);
            if (ack != OK) {
                break;
            }
        } while ((wire.lastRead() & state.matchMask) != matchValue && matchRetry-- != 0 && !state.transferAbort);
        if ((wire.lastRead() & state.matchMask) != matchValue) {
            ack |= MISMATCH;
        }
        return ack;
    }

    protected final void timestamp(int request, PacketWriter out) {
        if ((request & TIMESTAMP) != 0 && timer.present()) {
            out.u32(state.timestamp);
        }
    }

    /** Skips requests that were not executed, as the firmware does to find the end of the command. */
    static void skipRequests(PacketReader in, int count) {
        for (; count > 0; count--) {
            int request = in.u8();
            if ((request & READ) == 0 || (request & VALUE_MATCH) != 0) {
                in.skip(4);
            }
        }
    }
}
