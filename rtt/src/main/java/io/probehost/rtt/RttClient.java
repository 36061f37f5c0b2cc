package io.probehost.rtt;

import java.time.Duration;
import java.util.Arrays;

import io.probehost.api.debug.MemoryInterface;

/**
 * Moves bytes through the rings of one control block with memory accesses only, so the target
 * keeps running. The host owns an up channel's RdOff and a down channel's WrOff and writes nothing else.
 */
public final class RttClient {
    private static final int OFFSETS = 0x0C;
    private static final int READ_OFFSET = 0x10;
    /** The longest read that takes the block's ID along with a channel's offsets (the first few channels). */
    private static final int ID_AND_OFFSETS_LIMIT = 256;
    private final MemoryInterface memory;
    private final RttControlBlock block;
    private volatile boolean idSeen;

    public RttClient(MemoryInterface memory, RttControlBlock block) {
        this.memory = memory;
        this.block = block;
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
     * channel's offsets, so {@link RttTracker} need not read it again; clears the mark.
     */
    boolean takeIdSeen() {
        boolean seen = idSeen;
        idSeen = false;
        return seen;
    }

    /** Takes whatever up channel {@code index} holds now, across the wrap, and hands the room back to the target. */
    public byte[] read(int index) {
        RttChannel channel = usable(RttDirection.UP, index);
        int[] offsets = offsets(channel);
        int write = offsets[0];
        int read = offsets[1];
        int count = RttRing.available(write, read, channel.size());
        byte[] data = new byte[count];
        int first = RttRing.contiguous(write, read, channel.size());
        readWords(channel, read, data, 0, first);
        if (count > first) {
            readWords(channel, 0, data, first, count - first);
        }
        if (count > 0) {
            memory.write32(channel.descriptor() + READ_OFFSET, RttRing.advance(read, count, channel.size()));
            memory.flush();
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
        } else {
            raw = memory.read(offsetsAt, 8);
            at = 0;
        }
        int write = RttControlBlock.word(raw, at);
        int read = RttControlBlock.word(raw, at + 4);
        if (write < 0 || write >= channel.size() || read < 0 || read >= channel.size()) {
            throw new RttException(String.format("%s channel %d has offsets out of its %d-byte ring (write %d, read %d)",
                    channel.direction().name().toLowerCase(), channel.index(), channel.size(), write, read));
        }
        return new int[] {write, read};
    }
}
