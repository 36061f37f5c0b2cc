package io.probehost.rtt;

/** The arithmetic of an RTT ring of {@code size} bytes: one byte always stays unused, so full is one short of size. */
public final class RttRing {
    private RttRing() {
    }

    /** Bytes the reader can take: what lies from {@code read} up to {@code write}, across the wrap. */
    public static int available(int write, int read, int size) {
        return write >= read ? write - read : size - read + write;
    }

    /** Bytes the reader can take in one copy, from {@code read} to the write offset or the ring's end. */
    public static int contiguous(int write, int read, int size) {
        return read > write ? size - read : write - read;
    }

    /** Bytes the writer can add without reaching the reader. */
    public static int free(int write, int read, int size) {
        return read <= write ? size - 1 - write + read : read - write - 1;
    }

    /** The offset {@code count} bytes past {@code offset}, wrapped to the ring. */
    public static int advance(int offset, int count, int size) {
        return (int) (((long) offset + count) % size);
    }

    /** How many of {@code wanted} bytes a writer in {@code mode} puts in now, given {@code free} bytes of room. */
    public static int accepted(RttMode mode, int wanted, int free) {
        return switch (mode) {
            case NO_BLOCK_SKIP -> wanted <= free ? wanted : 0;
            case NO_BLOCK_TRIM, BLOCK_IF_FIFO_FULL -> Math.min(wanted, free);
        };
    }
}
