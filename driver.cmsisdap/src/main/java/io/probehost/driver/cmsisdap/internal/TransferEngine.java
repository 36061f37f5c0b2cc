package io.probehost.driver.cmsisdap.internal;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

import io.probehost.api.ProbeDisconnectedException;
import io.probehost.api.ProbeException;
import io.probehost.api.ProtocolException;
import io.probehost.api.TransferTimeoutException;
import io.probehost.api.probe.DapAccess;

/**
 * DapAccess over DAP_Transfer and DAP_TransferBlock. Accesses are packed into packets up to the
 * probe's packet size; up to {@code maxInFlight} packets are sent before their replies are read,
 * and replies are handed to the reads in order.
 *
 * <p>Errors: the first failing access fails every access queued after it (the probe skips the
 * rest of its packet, and later packets are drained and dropped). The error is thrown by the call
 * that found it, except by {@link DapRead#get()} of a read that itself succeeded and by
 * {@link #writeAbort(int)}; then the next {@link #flush()} (or any later call but {@code get()})
 * throws it. A vanished probe fails everything pending with {@link ProbeDisconnectedException}
 * and leaves the engine unusable.
 *
 * <p>With a probe that has atomic commands, finished packets wait in a {@link CommandBatch} and go
 * out together in one DAP_ExecuteCommands packet while they fit it both ways (a DAP_Transfer that
 * sets TAR with the DAP_TransferBlock after it, for one): a batch is sent when the next packet
 * does not fit it, on {@code flush()}, or when a read in it is wanted. The probe runs every command
 * of a batch, as it runs the packets sent after a failed one; their results are dropped alike.
 *
 * <p>A queued block read ({@link #queueReadApBlock(int, int)}) is dispatched like a blocking one,
 * packet by packet, but its caller collects it later: so the TAR write and burst of the next
 * MEM-AP block can join the packet that carries the end of this one.
 *
 * <p>Every other command goes through {@link #execute(DapCommand)}, which flushes first so that
 * commands reach the probe in the order they were asked for.
 */
final class TransferEngine implements DapAccess {
    private final DapChannel channel;
    private final String probeName;
    private final int maxInFlight;
    private final boolean deferred;
    private final boolean atomicCommands;
    private final Deque<InFlightPacket<?>> inFlight = new ArrayDeque<>();
    private TransferPacket building;
    private CommandBatch batch;
    private int dapIndex;
    private boolean jtag;
    private RuntimeException unreported;
    private ProbeDisconnectedException disconnected;
    private boolean closed;
    /** Set after a lost reply: a late answer may still come and must not be taken for the next one. */
    private boolean lateRepliesPossible;

    /**
     * @param maxInFlight packets sent ahead of their replies (the probe's packet count, or 1)
     * @param deferred    false to complete every access before the call that queued it returns
     * @param atomicCommands whether the probe runs DAP_ExecuteCommands (capability Info0.4)
     */
    TransferEngine(DapChannel channel, String probeName, int maxInFlight, boolean deferred, boolean atomicCommands) {
        this.channel = channel;
        this.probeName = probeName;
        this.maxInFlight = Math.max(1, maxInFlight);
        this.deferred = deferred;
        this.atomicCommands = atomicCommands;
        this.building = new TransferPacket(dapIndex, jtag, channel.packetSize());
        this.batch = new CommandBatch(channel.packetSize());
    }

    /**
     * Selects the DAP addressed by later transfers: its JTAG TAP index (0 on SWD, where the probe
     * ignores it), and whether it is reached over JTAG (where every read is posted).
     */
    synchronized void selectDap(int index, boolean overJtag) {
        flush();
        dapIndex = index;
        jtag = overJtag;
        building = new TransferPacket(dapIndex, jtag, channel.packetSize());
    }

    synchronized int dapIndex() {
        return dapIndex;
    }

    synchronized boolean isDisconnected() {
        return disconnected != null;
    }

    /** The probe was closed: every later call fails. Pending reads fail too. */
    synchronized void close() {
        closed = true;
        ProbeException error = new ProbeException("CMSIS-DAP probe " + probeName + " is closed");
        failPending(error);
        inFlight.clear();
        unreported = null;
    }

    @Override
    public synchronized DapRead queueReadDp(int register) {
        return queueRead(false, register);
    }

    @Override
    public synchronized DapRead queueReadAp(int register) {
        return queueRead(true, register);
    }

    @Override
    public synchronized void writeDp(int register, int value) {
        queue(Transfer.write(false, register, value), null);
    }

    @Override
    public synchronized void writeAp(int register, int value) {
        queue(Transfer.write(true, register, value), null);
    }

    private DapRead queueRead(boolean ap, int register) {
        PendingRead read = new PendingRead(this);
        queue(Transfer.read(ap, register), read);
        return read;
    }

    /** An access whose call throws is dropped, as is everything queued with it. */
    private void queue(Transfer transfer, PendingRead read) {
        checkUsable();
        throwUnreported();
        if (!building.fits(transfer)) {
            sendBuilding();
            throwUnreported();
        }
        building.add(transfer, read);
        if (!deferred) {
            drain();
            throwUnreported();
        }
    }

    @Override
    public synchronized int[] readApBlock(int register, int count) {
        PendingBlockRead read = dispatchBlockRead(register, count);
        drain();
        throwUnreported();
        return read.values();
    }

    /**
     * Like {@link #queueReadAp(int)}: the burst's packets join the batch (or go out) behind what was
     * queued before, and later accesses may share its last packet. An error found while queuing it
     * is thrown here, and the burst is dropped.
     */
    @Override
    public synchronized DapBlockRead queueReadApBlock(int register, int count) {
        PendingBlockRead read = dispatchBlockRead(register, count);
        if (!deferred) {
            drain();
        }
        throwUnreported();
        return read;
    }

    /** Ends the DAP_Transfer being filled and dispatches the burst's DAP_TransferBlock packets. */
    private PendingBlockRead dispatchBlockRead(int register, int count) {
        checkUsable();
        if (count < 0) {
            throw new IllegalArgumentException("cannot read " + count + " words");
        }
        throwUnreported();
        PendingBlockRead read = new PendingBlockRead(this, count);
        int request = Transfer.requestByte(true, true, register);
        sendBuilding();
        int done = 0;
        while (done < count && unreported == null) {
            int words = Math.min(blockWords(true), count - done);
            // sending the batch to make room may have found an error: then nothing more is queued
            if (unreported == null) {
                dispatch(new BlockPacket(TransferBlockRequest.read(dapIndex, request, words), read, done));
                done += words;
            }
        }
        if (unreported != null) {
            read.fail(unreported);
        }
        return read;
    }

    @Override
    public synchronized void writeApBlock(int register, int[] values, int offset, int count) {
        checkUsable();
        if (offset < 0 || count < 0 || offset + count > values.length) {
            throw new IllegalArgumentException("offset " + offset + " and count " + count + " do not fit "
                    + values.length + " values");
        }
        throwUnreported();
        int request = Transfer.requestByte(true, false, register);
        sendBuilding();
        int done = 0;
        while (done < count && unreported == null) {
            int words = Math.min(blockWords(false), count - done);
            if (unreported == null) {
                // a copy: a batched packet is encoded after this call returns and the caller may reuse values
                int[] chunk = Arrays.copyOfRange(values, offset + done, offset + done + words);
                dispatch(new BlockPacket(TransferBlockRequest.write(dapIndex, request, chunk, 0, words), null, 0));
                done += words;
            }
        }
        if (!deferred) {
            drain();
        }
        throwUnreported();
    }

    @Override
    public synchronized void flush() {
        checkUsable();
        drain();
        throwUnreported();
    }

    /** Reads in flight are completed first; what is still being queued is sent after the ABORT write. */
    @Override
    public synchronized void writeAbort(int value) {
        checkUsable();
        sendBatch();
        while (!inFlight.isEmpty()) {
            receiveOldest();
        }
        command(new WriteAbortRequest(dapIndex, value));
    }

    /** Flushes, then sends a non-transfer command and returns its reply. */
    synchronized <R> R execute(DapCommand<R> command) {
        flush();
        return command(command);
    }

    /** Sends a command that has no reply, after flushing (DAP_TransferAbort). */
    synchronized void executeWithoutReply(DapCommand<?> command) {
        flush();
        try {
            channel.sendWithoutReply(command);
        } catch (ProbeDisconnectedException e) {
            throw lost(e);
        }
    }

    /** Called by a pending read's get(): sends and receives until that read has its answer. */
    void complete(AwaitedResult read) {
        checkUsable();
        if (building.contains(read)) {
            sendBuilding();
        }
        if (batch.contains(read)) {
            sendBatch();
        }
        while (!read.isDone() && !inFlight.isEmpty()) {
            receiveOldest();
        }
        if (!read.isDone()) {
            throw new IllegalStateException("a CMSIS-DAP read was neither queued nor answered");
        }
    }

    /** A read's get() threw this error: it no longer waits to be reported. */
    void reported(RuntimeException error) {
        if (unreported == error) {
            unreported = null;
        }
    }

    private <R> R command(DapCommand<R> command) {
        try {
            dropLateReplies();
            return channel.execute(command);
        } catch (ProbeDisconnectedException e) {
            throw lost(e);
        } catch (ProtocolException | TransferTimeoutException e) {
            // The reply was garbled or lost: later replies may be out of step with their requests.
            resynchronise();
            throw e;
        }
    }

    /** Sends what is being queued and reads every reply. */
    private void drain() {
        sendBuilding();
        sendBatch();
        while (!inFlight.isEmpty()) {
            receiveOldest();
        }
    }

    private void sendBuilding() {
        if (building.isEmpty()) {
            return;
        }
        TransferPacket packet = building;
        building = new TransferPacket(dapIndex, jtag, channel.packetSize());
        dispatch(packet);
    }

    /** Words the next DAP_TransferBlock packet of a burst carries; may send the batch to make room. */
    private int blockWords(boolean read) {
        if (!atomicCommands) {
            int packetSize = channel.packetSize();
            return Math.min(read ? TransferBlockRequest.maxReads(packetSize) : TransferBlockRequest.maxWrites(packetSize),
                    0xFFFF);
        }
        if (batch.blockWordsThatFit(read) < 1) {
            sendBatch();
        }
        return Math.min(batch.blockWordsThatFit(read), 0xFFFF);
    }

    /** Sends a finished packet, or adds it to the batch when the probe has atomic commands. */
    private void dispatch(TransferPart packet) {
        if (!atomicCommands) {
            sendPacket(packet);
            return;
        }
        if (!batch.fits(packet)) {
            RuntimeException error = sendBatch();
            if (error != null) {
                packet.fail(error);
                return;
            }
        }
        batch.add(packet);
    }

    /** Sends the batch; returns the error that failed it unsent, if any (see sendPacket). */
    private RuntimeException sendBatch() {
        if (batch.isEmpty()) {
            return null;
        }
        CommandBatch packets = batch;
        batch = new CommandBatch(channel.packetSize());
        return sendPacket(packets.packet());
    }

    /**
     * Sends a packet once there is room in flight. Making room may find a failed access: the packet
     * was queued after it, so it fails with that error unsent, as the rest of the queue does (sent,
     * it would fail again on the sticky error and surface later as an error of its own).
     */
    private RuntimeException sendPacket(InFlightPacket<?> packet) {
        while (inFlight.size() >= maxInFlight) {
            RuntimeException error = receiveOldest();
            if (error != null) {
                packet.fail(error);
                return error;
            }
        }
        checkUsable();
        try {
            if (inFlight.isEmpty()) {
                dropLateReplies();
            }
            channel.send(packet.command());
        } catch (ProbeDisconnectedException e) {
            packet.fail(lost(e));
            throw disconnected;
        } catch (ProbeException e) {
            packet.fail(e);
            failPending(e);
            resynchronise();
            throw e;
        }
        inFlight.add(packet);
        return null;
    }

    /** Reads the oldest packet's reply; returns the error of the access that failed in it, if any. */
    private RuntimeException receiveOldest() {
        InFlightPacket<?> packet = inFlight.poll();
        RuntimeException error;
        try {
            error = receiveAndComplete(packet);
        } catch (ProbeDisconnectedException e) {
            packet.fail(lost(e));
            throw disconnected;
        } catch (ProbeException e) {
            // A lost or garbled reply leaves the reply stream out of step with the requests.
            packet.fail(e);
            failPending(e);
            resynchronise();
            throw e;
        }
        if (error != null) {
            if (unreported == null) {
                unreported = error;
            }
            failPending(error);
            dropInFlightReplies();
        }
        return error;
    }

    /** Reads a packet's reply and hands it on; returns the error of the access that failed, if any. */
    private <R> RuntimeException receiveAndComplete(InFlightPacket<R> packet) {
        R reply = channel.receive(packet.command());
        return packet.complete(reply);
    }

    /** Fails every access still queued, batched or in flight; the batch is dropped unsent. */
    private void failPending(RuntimeException cause) {
        for (InFlightPacket<?> packet : inFlight) {
            packet.fail(cause);
        }
        failQueued(cause);
    }

    private void failQueued(RuntimeException cause) {
        building.fail(cause);
        building = new TransferPacket(dapIndex, jtag, channel.packetSize());
        batch.fail(cause);
        batch = new CommandBatch(channel.packetSize());
    }

    /** Reads and drops the replies of packets sent after a failed one, keeping requests and replies in step. */
    private void dropInFlightReplies() {
        while (!inFlight.isEmpty()) {
            InFlightPacket<?> packet = inFlight.poll();
            try {
                channel.receive(packet.command());
            } catch (ProbeDisconnectedException e) {
                throw lost(e);
            } catch (ProbeException e) {
                inFlight.clear();
                resynchronise();
                return;
            }
        }
    }

    /**
     * A probe that timed out may still answer later (it was busy, not gone): before the next request,
     * with nothing in flight, whatever arrived meanwhile is dropped so replies stay in step.
     */
    private void dropLateReplies() {
        if (lateRepliesPossible) {
            lateRepliesPossible = false;
            channel.transport().discardStale();
        }
    }

    /** After a lost or garbled reply: stop whatever runs, drop stale replies, forget the in-flight packets. */
    private void resynchronise() {
        lateRepliesPossible = true;
        inFlight.clear();
        try {
            channel.sendWithoutReply(new TransferAbortRequest());
            channel.transport().discardStale();
        } catch (ProbeDisconnectedException e) {
            lost(e);
        } catch (ProbeException e) {
            // best effort: the next command reports a probe that stays out of step
        }
    }

    /** Records that the probe is gone, fails everything pending, and returns the error to throw. */
    private ProbeDisconnectedException lost(ProbeDisconnectedException cause) {
        if (disconnected == null) {
            disconnected = new ProbeDisconnectedException(
                    "CMSIS-DAP probe " + probeName + " disconnected: " + cause.getMessage(), cause);
        }
        for (InFlightPacket<?> packet : inFlight) {
            packet.fail(disconnected);
        }
        inFlight.clear();
        failQueued(disconnected);
        unreported = null;
        return disconnected;
    }

    private void checkUsable() {
        if (closed) {
            throw new ProbeException("CMSIS-DAP probe " + probeName + " is closed");
        }
        if (disconnected != null) {
            throw new ProbeDisconnectedException(
                    "CMSIS-DAP probe " + probeName + " is disconnected; close it and open it again", disconnected);
        }
    }

    private void throwUnreported() {
        if (unreported != null) {
            RuntimeException error = unreported;
            unreported = null;
            throw error;
        }
    }
}
