package io.probehost.arch.arm.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import io.probehost.api.ProbeException;
import io.probehost.api.ProtocolException;
import io.probehost.api.TransferException;
import io.probehost.api.TransferFaultException;
import io.probehost.api.TransferTimeoutException;
import io.probehost.api.probe.DapAccess;
import io.probehost.api.probe.SwdSequencer;
import io.probehost.api.probe.SwjControl;

/**
 * SWD on the host, over a probe that only clocks bits ({@link SwdSequencer}): request packets with
 * parity, turnarounds, ACK decoding, data parity, WAIT retries and idle cycles, as ADIv5 lays
 * them out. Also the probe's {@link SwjControl}: switching sequences go through the same sequencer.
 *
 * <p>Batching: until this layer has itself set CTRL/STAT.ORUNDETECT, every transaction takes two
 * sequencer calls, the request and ACK first, and the data phase only after an OK ACK, since a
 * target that answered WAIT or FAULT expects no data phase and would read the host's data as a
 * new request. Every CTRL/STAT write through here (DPBANKSEL 0) sets ORUNDETECT; from then on the data phase is
 * always present, so up to {@link #MAX_BATCH_TRANSFERS} queued transactions (a 16 KiB block and its
 * TAR writes) go out in one sequencer call and stay in step whatever the ACKs; the probe's driver cuts
 * the call into requests as full as its buffer allows, so the round trips depend on its buffer, not
 * on this layer. Transactions follow each other with no idle cycles between them (ADIv5 makes them
 * optional); only the last one of a call has {@link #FINAL_IDLE_CYCLES}. The first ACK that is not OK
 * ends the batch: with overrun detection the target answers FAULT to the AP accesses after it anyway.
 * After WAIT the host clears STICKYORUN (ABORT.ORUNERRCLR) and resends from the waiting transaction,
 * in a batch of {@link #BATCH_AFTER_WAIT} that doubles with each batch that goes through, so a busy
 * target does not cost the rest of a large batch per WAIT; after {@link #MAX_WAIT_RETRIES} WAITs in a
 * row it throws {@link TransferTimeoutException}. FAULT throws
 * {@link TransferFaultException}; no ACK (0b111) or a bad data parity throws a
 * {@link TransferException} or {@link ProtocolException}, and the next transfer starts with a line
 * reset and a DPIDR read.
 *
 * <p>AP reads are posted: each carries the previous AP read's word, and a run of AP reads ends
 * with a DP RDBUFF read before anything else is queued. Errors follow {@link DapAccess}: the first
 * failing transaction fails every one queued after it; the call that found the error throws it,
 * except {@link DapRead#get()} of a read that itself succeeded, after which the next call throws it.
 */
public final class SwdSequencerDapAccess implements DapAccess, SwjControl {
    /** pyOCD's default WAIT retry count for CMSIS-DAP probes. */
    static final int MAX_WAIT_RETRIES = 150;
    /** 4096 words of a 16 KiB block, its 16 TAR writes and what a caller queues around them. */
    static final int MAX_BATCH_TRANSFERS = 8192;
    /** The batch that resends from a waiting transaction. */
    static final int BATCH_AFTER_WAIT = 64;
    /** Low cycles between the transactions of one sequencer call: ADIv5 allows back to back. */
    static final int IDLE_CYCLES = 0;
    /** Low cycles before the sequencer stops the clock: ADIv5 wants at least 8. */
    static final int FINAL_IDLE_CYCLES = 8;
    private static final int ORUNDETECT = 1;
    private static final int ABORT_ORUNERRCLR = 1 << 4;

    private final SwdSequencer sequencer;
    private final Optional<SwjControl> pins;
    private final String probeName;
    private final Deque<SwdTransfer> queue = new ArrayDeque<>();
    /** The last queued AP read, whose word the next AP read or RDBUFF read carries. */
    private PendingWord postedRead;
    private int dpBank;
    private boolean overrunDetect;
    private boolean lineResetNeeded;
    private RuntimeException unreported;
    private long sequenceCalls;
    /** The next batch's size limit: {@link #BATCH_AFTER_WAIT} after a WAIT, growing back to the maximum. */
    private int batchLimit = MAX_BATCH_TRANSFERS;

    /**
     * @param pins the probe's own pin control, for {@link #swjPins(int, int, int)}; switching
     *             sequences never use it
     */
    public SwdSequencerDapAccess(SwdSequencer sequencer, Optional<SwjControl> pins, String probeName) {
        this.sequencer = sequencer;
        this.pins = pins;
        this.probeName = probeName;
    }

    /** Sequencer calls so far: how well transactions were batched. */
    public synchronized long sequenceCalls() {
        return sequenceCalls;
    }

    @Override
    public synchronized DapRead queueReadDp(int register) {
        throwUnreported();
        PendingWord word = new PendingWord();
        enqueue(SwdTransfer.read(false, register, word));
        return () -> await(word);
    }

    @Override
    public synchronized DapRead queueReadAp(int register) {
        throwUnreported();
        PendingWord word = queueApRead(register);
        return () -> await(word);
    }

    private PendingWord queueApRead(int register) {
        PendingWord word = new PendingWord();
        queue.add(SwdTransfer.read(true, register, postedRead));
        postedRead = word;
        return word;
    }

    @Override
    public synchronized void writeDp(int register, int value) {
        throwUnreported();
        int address = register & 0xC;
        if (address == DpRegister.SELECT) {
            dpBank = value & 0xF;
        }
        boolean ctrlStat = address == DpRegister.CTRL_STAT && dpBank == 0;
        enqueue(SwdTransfer.write(false, address, ctrlStat ? value | ORUNDETECT : value));
    }

    @Override
    public synchronized void writeAp(int register, int value) {
        throwUnreported();
        enqueue(SwdTransfer.write(true, register, value));
    }

    @Override
    public int[] readApBlock(int register, int count) {
        return queueReadApBlock(register, count).get();
    }

    @Override
    public synchronized DapBlockRead queueReadApBlock(int register, int count) {
        throwUnreported();
        PendingWord[] words = new PendingWord[count];
        for (int i = 0; i < count; i++) {
            words[i] = queueApRead(register);
        }
        return () -> {
            int[] values = new int[count];
            for (int i = 0; i < count; i++) {
                values[i] = await(words[i]);
            }
            return values;
        };
    }

    @Override
    public synchronized void writeApBlock(int register, int[] values, int offset, int count) {
        throwUnreported();
        for (int i = 0; i < count; i++) {
            enqueue(SwdTransfer.write(true, register, values[offset + i]));
        }
    }

    @Override
    public synchronized void flush() {
        throwUnreported();
        drain();
        throwUnreported();
    }

    /** Sent on its own after what is queued; ABORT is always accepted, so a non-OK ACK is an error. */
    @Override
    public synchronized void writeAbort(int value) {
        drain();
        SwdTransfer abort = SwdTransfer.write(false, DpRegister.ABORT, value);
        Outcome outcome = overrunDetect ? runBatch(List.of(abort)) : runChecked(abort);
        if (outcome.error != null) {
            throw outcome.error;
        }
    }

    @Override
    public synchronized void swjSequence(int bitCount, byte[] bits) {
        drain();
        byte[] drive = new byte[SwdBitStream.bytesFor(bitCount)];
        Arrays.fill(drive, (byte) 0xFF);
        sequence(bitCount, drive, bits);
        // a switch or reset may reach a DP that never had ORUNDETECT set: check ACKs until it is
        overrunDetect = false;
        lineResetNeeded = false;
    }

    @Override
    public int swjPins(int output, int select, int waitMicros) {
        return pins.orElseThrow(() -> new ProbeException(probeName + " cannot drive its SWD pins directly"))
                .swjPins(output, select, waitMicros);
    }

    private void enqueue(SwdTransfer transfer) {
        endPostedRun();
        queue.add(transfer);
    }

    /** Collects the last AP read's word with DP RDBUFF. */
    private void endPostedRun() {
        if (postedRead != null) {
            queue.add(SwdTransfer.read(false, DpRegister.RDBUFF, postedRead));
            postedRead = null;
        }
    }

    private int await(PendingWord word) {
        synchronized (this) {
            if (!word.done()) {
                drain();
            }
            if (word.failure() != null && word.failure() == unreported) {
                unreported = null;
            }
        }
        return word.value();
    }

    private void throwUnreported() {
        RuntimeException error = unreported;
        if (error != null) {
            unreported = null;
            throw error;
        }
    }

    /** Runs everything queued; a failure fails what is left and waits in {@link #unreported}. */
    private void drain() {
        endPostedRun();
        int waits = 0;
        while (!queue.isEmpty()) {
            if (lineResetNeeded && !resynchronise()) {
                return;
            }
            Outcome outcome = overrunDetect ? runBatch(nextBatch()) : runChecked(queue.peek());
            for (int i = 0; i < outcome.completed; i++) {
                queue.remove();
            }
            if (outcome.error == null) {
                waits = 0;
                batchLimit = Math.min(MAX_BATCH_TRANSFERS, batchLimit * 2);
                continue;
            }
            if (outcome.ack == SwdTransfer.ACK_WAIT && waits++ < MAX_WAIT_RETRIES) {
                batchLimit = BATCH_AFTER_WAIT;
                if (overrunDetect && !clearOverrun()) {
                    return;
                }
                continue;
            }
            failQueue(outcome.error);
        }
    }

    private List<SwdTransfer> nextBatch() {
        List<SwdTransfer> batch = new ArrayList<>();
        Iterator<SwdTransfer> queued = queue.iterator();
        while (queued.hasNext() && batch.size() < batchLimit) {
            batch.add(queued.next());
        }
        return batch;
    }

    private void failQueue(RuntimeException error) {
        for (SwdTransfer transfer : queue) {
            if (transfer.sink() != null) {
                transfer.sink().fail(error);
            }
        }
        queue.clear();
        if (unreported == null) {
            unreported = error;
        }
    }

    /** A line reset and the DPIDR read ADIv5 requires after it, before the queue goes on. */
    private boolean resynchronise() {
        lineResetNeeded = false;
        sequence(new SwdBitStream().drive(56, -1L).drive(8, 0));
        Outcome outcome = runChecked(SwdTransfer.read(false, DpRegister.DPIDR, null));
        if (outcome.error != null) {
            failQueue(outcome.error);
            return false;
        }
        return true;
    }

    private boolean clearOverrun() {
        Outcome outcome = runBatch(List.of(SwdTransfer.write(false, DpRegister.ABORT, ABORT_ORUNERRCLR)));
        if (outcome.error != null) {
            failQueue(outcome.error);
            return false;
        }
        return true;
    }

    /** One transaction in two sequencer calls: the data phase only after an OK ACK. */
    private Outcome runChecked(SwdTransfer transfer) {
        byte[] ack = sequence(new SwdBitStream().drive(8, transfer.request()).release(SwdTransfer.ackPhaseCycles()));
        int code = (int) SwdBitStream.bits(ack, 8 + SwdTransfer.TURNAROUND_CYCLES, SwdTransfer.ACK_CYCLES);
        if (code != SwdTransfer.ACK_OK) {
            sequence(new SwdBitStream().release(SwdTransfer.TURNAROUND_CYCLES).drive(FINAL_IDLE_CYCLES, 0));
            return failed(0, code, transfer);
        }
        SwdBitStream data = new SwdBitStream();
        transfer.appendDataPhase(data, FINAL_IDLE_CYCLES);
        byte[] captured = sequence(data);
        if (transfer.read() && !deliver(transfer, captured, 0)) {
            return parityError(0, transfer);
        }
        noteOverrunDetect(transfer);
        return new Outcome(1, code, null);
    }

    /** The transactions in one sequencer call, data phases always present; stops at the first non-OK. */
    private Outcome runBatch(List<SwdTransfer> batch) {
        SwdBitStream stream = new SwdBitStream();
        int[] starts = new int[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            starts[i] = stream.length();
            batch.get(i).appendTo(stream, i == batch.size() - 1 ? FINAL_IDLE_CYCLES : IDLE_CYCLES);
        }
        byte[] captured = sequence(stream);
        for (int i = 0; i < batch.size(); i++) {
            SwdTransfer transfer = batch.get(i);
            int ackAt = starts[i] + 8 + SwdTransfer.TURNAROUND_CYCLES;
            int code = (int) SwdBitStream.bits(captured, ackAt, SwdTransfer.ACK_CYCLES);
            if (code != SwdTransfer.ACK_OK) {
                return failed(i, code, transfer);
            }
            if (transfer.read() && !deliver(transfer, captured, ackAt + SwdTransfer.ACK_CYCLES)) {
                return parityError(i, transfer);
            }
        }
        return new Outcome(batch.size(), SwdTransfer.ACK_OK, null);
    }

    private static boolean deliver(SwdTransfer transfer, byte[] captured, int dataAt) {
        long data = SwdBitStream.bits(captured, dataAt, SwdTransfer.DATA_CYCLES);
        if (!SwdTransfer.parityOk(data)) {
            return false;
        }
        if (transfer.sink() != null) {
            transfer.sink().complete((int) data);
        }
        return true;
    }

    private void noteOverrunDetect(SwdTransfer transfer) {
        if (!transfer.ap() && !transfer.read() && transfer.address() == DpRegister.CTRL_STAT
                && (transfer.value() & ORUNDETECT) != 0) {
            overrunDetect = true;
        }
    }

    private Outcome parityError(int completed, SwdTransfer transfer) {
        return new Outcome(completed, SwdTransfer.ACK_OK, new ProtocolException(
                "SWD data parity error on " + transfer.describe() + " through " + probeName));
    }

    private Outcome failed(int completed, int code, SwdTransfer transfer) {
        String access = transfer.describe() + " through " + probeName;
        RuntimeException error;
        switch (code) {
            case SwdTransfer.ACK_WAIT:
                error = new TransferTimeoutException("SWD transfer timed out: the target still answered WAIT to "
                        + access + " after " + MAX_WAIT_RETRIES + " retries");
                break;
            case SwdTransfer.ACK_FAULT:
                error = new TransferFaultException("SWD transfer fault: the target answered FAULT to " + access);
                break;
            case 0b111:
                lineResetNeeded = true;
                error = new TransferException("SWD transfer failed: no ACK from the target to " + access
                        + " (is it powered and wired?)");
                break;
            default:
                lineResetNeeded = true;
                error = new ProtocolException(String.format("SWD protocol error: invalid ACK %d%d%d on %s",
                        code >>> 2 & 1, code >>> 1 & 1, code & 1, access));
                break;
        }
        return new Outcome(completed, code, error);
    }

    private byte[] sequence(SwdBitStream stream) {
        return sequence(stream.length(), stream.driveMask(), stream.outBits());
    }

    private byte[] sequence(int bitCount, byte[] drive, byte[] out) {
        sequenceCalls++;
        byte[] captured = sequencer.sequence(bitCount, drive, out);
        if (captured == null || captured.length < SwdBitStream.bytesFor(bitCount)) {
            throw new ProtocolException(String.format("%s returned %d captured bytes for %d SWD cycles",
                    probeName, captured == null ? 0 : captured.length, bitCount));
        }
        return captured;
    }

    /** How a run of transactions ended: how many completed, and the ACK and error that stopped it. */
    private record Outcome(int completed, int ack, RuntimeException error) {
    }
}
