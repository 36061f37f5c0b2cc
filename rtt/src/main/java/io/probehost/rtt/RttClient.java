package io.probehost.rtt;

import java.time.Duration;
import java.util.Arrays;

import io.probehost.api.debug.MemoryInterface;

/**
 * Moves bytes through the rings of one control block with memory accesses only, so the target
 * keeps running. The host owns an up channel's RdOff and a down channel's WrOff and writes nothing else.
 * <p>
 * A streaming loop {@link #poll polls}. A full poll reads the block's ID with the channel's WrOff and
 * RdOff. In a light streak (the last poll brought bytes, less than half a ring) a quick poll reads WrOff
 * alone and reads on from the host's own count: one word, which on an ST-Link is one USB command
 * instead of two. The next poll is full after an empty or busy poll, after {@link #ID_CHECK_EVERY}
 * quick ones, when the ring's end is near (the read would likely wrap), and when a quick poll finds
 * WrOff behind the host's count (a wrap after all, or a reset that cleared the block). RdOff is
 * written back once the firmware would see its ring half full, and by a full poll that finds the
 * channel empty, so a light log costs no write per poll; {@link #handBack} writes what is still owed
 * when the stream ends. A full poll whose RdOff is not the one the host left, or whose WrOff is not at
 * or past the host's count, reads from the firmware's RdOff: the firmware set the block up again.
 */
public final class RttClient {
    private static final int OFFSETS = 0x0C;
    private static final int READ_OFFSET = 0x10;
    /** The longest read that takes the block's ID along with a channel's offsets (the first few channels). */
    private static final int ID_AND_OFFSETS_LIMIT = 256;
    /**
     * At most this many unwanted bytes are read along to take a wrapped ring in one transfer instead
     * of two: about what one more USB round trip carries on a full-speed probe.
     */
    private static final int WHOLE_RING_SLACK = 128;
    /** The most quick polls in a row: they trust the ID and RdOff the full poll before them saw. */
    static final int ID_CHECK_EVERY = 8;
    private static final int UNKNOWN = -1;
    private final MemoryInterface memory;
    private final RttControlBlock block;
    /** Where the host has read each up channel to. */
    private final int[] hostReadOffsets;
    /** The RdOff the firmware sees: what the host last wrote there, or read there. */
    private final int[] writtenReadOffsets;
    /** How many bytes the last poll of each up channel brought: some, under half its ring, is a light streak. */
    private final int[] lastCounts;
    private int pollsSinceId = ID_CHECK_EVERY;
    private volatile boolean idSeen;

    public RttClient(MemoryInterface memory, RttControlBlock block) {
        this.memory = memory;
        this.block = block;
        this.hostReadOffsets = new int[block.up().size()];
        this.writtenReadOffsets = new int[block.up().size()];
        this.lastCounts = new int[block.up().size()];
        Arrays.fill(hostReadOffsets, UNKNOWN);
        Arrays.fill(writtenReadOffsets, UNKNOWN);
    }

    public RttControlBlock controlBlock() {
        return block;
    }

    /** Whether the block's ID is still where it was (a reset or a new firmware may clear or move it). */
    public boolean stillThere() {
        return RttControlBlock.hasId(memory, block.address());
    }

    /**
     * Whether a read or write since the last call saw the block's ID in the same transfer as the
     * channel's offsets, or was a quick poll that trusts the last one that did, so {@link RttTracker}
     * need not read it again; clears the mark.
     */
    boolean takeIdSeen() {
        boolean seen = idSeen;
        idSeen = false;
        return seen;
    }

    /** Takes whatever up channel {@code index} holds now, across the wrap, and hands the room back to the target. */
    public byte[] read(int index) {
        return take(index, true);
    }

    /**
     * What a streaming loop takes each round: whatever up channel {@code index} holds now; the room goes
     * back to the target once the firmware would see its ring half full, or when the channel is empty.
     * The loop calls {@link #handBack} when it ends.
     */
    public byte[] poll(int index) {
        return take(index, false);
    }

    /**
     * A {@link #poll} that takes nothing when the block went away under it (a reset, new firmware), so
     * that the streaming loop's next round looks for the block again; other failures throw.
     */
    public byte[] pollUnlessGone(int index) {
        try {
            return poll(index);
        } catch (RttException e) {
            if (stillThere()) {
                throw e;
            }
            return new byte[0];
        }
    }

    /**
     * Writes back every up channel's RdOff that a {@link #poll} still owes the target, unless the
     * firmware has set that channel up again since (its RdOff is no longer the one the host left).
     */
    public void handBack() {
        for (int index = 0; index < hostReadOffsets.length; index++) {
            if (hostReadOffsets[index] != UNKNOWN && hostReadOffsets[index] != writtenReadOffsets[index]) {
                RttChannel channel = block.channel(RttDirection.UP, index);
                byte[] offsets = memory.read(channel.descriptor() + OFFSETS, 8);
                int write = RttControlBlock.word(offsets, 0);
                int targetRead = RttControlBlock.word(offsets, 4);
                if (write >= 0 && write < channel.size() && hostCountHolds(index, write, targetRead, channel.size())) {
                    memory.write32(channel.descriptor() + READ_OFFSET, hostReadOffsets[index]);
                    memory.flush();
                }
                writtenReadOffsets[index] = hostReadOffsets[index];
            }
        }
    }

    private byte[] take(int index, boolean handBackNow) {
        RttChannel channel = usable(RttDirection.UP, index);
        int size = channel.size();
        int lastCount = lastCounts[index];
        boolean lightStreak = lastCount > 0 && lastCount < size / 2;
        boolean quick = !handBackNow && lightStreak && pollsSinceId < ID_CHECK_EVERY
                && size - hostReadOffsets[index] > 2 * lastCount;
        int write = 0;
        int read = hostReadOffsets[index];
        if (quick) {
            write = writeOffsetAlone(channel);
            quick = write >= read;
        }
        if (!quick) {
            int[] offsets = offsets(channel);
            write = offsets[0];
            int targetRead = offsets[1];
            read = hostCountHolds(index, write, targetRead, size) ? hostReadOffsets[index] : targetRead;
            writtenReadOffsets[index] = targetRead;
        }
        int count = RttRing.available(write, read, size);
        byte[] data = new byte[count];
        int first = RttRing.contiguous(write, read, size);
        if (count > first && size - count <= WHOLE_RING_SLACK) {
            byte[] ring = new byte[size];
            readWords(channel, 0, ring, 0, ring.length);
            System.arraycopy(ring, read, data, 0, first);
            System.arraycopy(ring, 0, data, first, count - first);
        } else {
            readWords(channel, read, data, 0, first);
            if (count > first) {
                readWords(channel, 0, data, first, count - first);
            }
        }
        int next = RttRing.advance(read, count, size);
        hostReadOffsets[index] = next;
        lastCounts[index] = count;
        int firmwareRead = writtenReadOffsets[index];
        boolean halfFull = RttRing.available(write, firmwareRead, size) >= size / 2;
        if (next != firmwareRead && (handBackNow || !quick && count == 0 || halfFull)) {
            memory.write32(channel.descriptor() + READ_OFFSET, next);
            memory.flush();
            writtenReadOffsets[index] = next;
        }
        return data;
    }

    /**
     * Puts {@code data} into down channel {@code index} as its mode says: skip writes all or nothing,
     * trim writes what fits, block waits for the target to make room until {@code blockLimit} passes.
     *
     * @return the number of bytes written
     */
    public int write(int index, byte[] data, Duration blockLimit) {
        RttChannel channel = usable(RttDirection.DOWN, index);
        int done = writeOnce(channel, data, 0);
        if (channel.mode() != RttMode.BLOCK_IF_FIFO_FULL) {
            return done;
        }
        long deadline = System.nanoTime() + blockLimit.toNanos();
        while (done < data.length && System.nanoTime() - deadline < 0) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            Thread.onSpinWait();
            done += writeOnce(channel, data, done);
        }
        return done;
    }

    private int writeOnce(RttChannel channel, byte[] data, int from) {
        int[] offsets = offsets(channel);
        int write = offsets[0];
        int size = channel.size();
        int count = RttRing.accepted(channel.mode(), data.length - from,
                RttRing.free(write, offsets[1], size));
        if (count == 0) {
            return 0;
        }
        int first = Math.min(count, size - write);
        memory.write(channel.buffer() + write, data, from, first);
        if (count > first) {
            memory.write(channel.buffer(), data, from + first, count - first);
        }
        memory.flush();
        memory.write32(channel.descriptor() + OFFSETS, RttRing.advance(write, count, size));
        memory.flush();
        return count;
    }

    /**
     * Reads {@code length} bytes of the ring from {@code offset} as whole aligned words where the ring
     * allows: a probe reads an unaligned head or tail a byte at a time (the ST-Link in commands of its
     * own), and the bytes around the wanted ones are the ring's, read and dropped.
     */
    private void readWords(RttChannel channel, int offset, byte[] into, int at, int length) {
        if (length == 0) {
            return;
        }
        long ringStart = channel.buffer();
        long ringEnd = ringStart + channel.size();
        long start = ringStart + offset;
        long from = Math.max(ringStart, start & ~3L);
        long to = Math.min(ringEnd, (start + length + 3) & ~3L);
        if ((from & 3) != 0 || (to & 3) != 0) {
            memory.read(start, into, at, length);
            return;
        }
        byte[] words = memory.read(from, (int) (to - from));
        System.arraycopy(words, (int) (start - from), into, at, length);
    }

    private RttChannel usable(RttDirection direction, int index) {
        RttChannel channel = block.channel(direction, index);
        if (!channel.configured()) {
            throw new RttException(String.format("%s channel %d has no buffer", direction.name().toLowerCase(), index));
        }
        return channel;
    }

    /**
     * WrOff and RdOff, checked against the ring size. For the first channels they come in one read
     * with the block's ID, which must still be there: a poll is then one transfer before the data.
     */
    private int[] offsets(RttChannel channel) {
        long offsetsAt = channel.descriptor() + OFFSETS;
        int span = (int) (offsetsAt + 8 - block.address());
        byte[] raw;
        int at;
        if (span <= ID_AND_OFFSETS_LIMIT) {
            raw = memory.read(block.address(), span);
            at = span - 8;
            if (!Arrays.equals(raw, 0, RttControlBlock.ID.length, RttControlBlock.ID, 0, RttControlBlock.ID.length)) {
                throw new RttException(String.format("the RTT control block at 0x%08X is gone (a reset or new firmware)",
                        block.address()));
            }
            idSeen = true;
            pollsSinceId = 0;
        } else {
            raw = memory.read(offsetsAt, 8);
            at = 0;
        }
        return checked(channel, RttControlBlock.word(raw, at), RttControlBlock.word(raw, at + 4));
    }

    /**
     * Whether the host's count still applies: the firmware's RdOff is the one the host left, and the
     * host's count lies between it and WrOff. Otherwise the firmware set the block up again (a reset).
     */
    private boolean hostCountHolds(int index, int write, int targetRead, int size) {
        int hostRead = hostReadOffsets[index];
        return hostRead != UNKNOWN && targetRead == writtenReadOffsets[index]
                && RttRing.available(hostRead, targetRead, size) <= RttRing.available(write, targetRead, size);
    }

    /** WrOff in one word access, for a quick poll. */
    private int writeOffsetAlone(RttChannel channel) {
        int write = memory.read32(channel.descriptor() + OFFSETS);
        pollsSinceId++;
        idSeen = true;
        return checked(channel, write, 0)[0];
    }

    private static int[] checked(RttChannel channel, int write, int read) {
        if (write < 0 || write >= channel.size() || read < 0 || read >= channel.size()) {
            throw new RttException(String.format("%s channel %d has offsets out of its %d-byte ring (write %d, read %d)",
                    channel.direction().name().toLowerCase(), channel.index(), channel.size(), write, read));
        }
        return new int[] {write, read};
    }
}
