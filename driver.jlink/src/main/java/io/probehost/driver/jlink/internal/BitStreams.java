package io.probehost.driver.jlink.internal;

import java.util.Arrays;

/**
 * HW_JTAG3 bit streams cut to what the probe's buffer holds, and the SWD capture realigned: a J-Link
 * samples SWDIO one cycle early (captured bit {@code i} is the level of cycle {@code i + 1}), so
 * cycle {@code i}'s level is captured bit {@code i - 1}; a cycle the host drives reads back as the
 * host's own bit, and cycle 0, when released, as the level before the stream. A request's last
 * captured bit cannot see the next request's first cycle, so an SWD stream is cut only before a
 * driven cycle (a request byte or write data), whose level the host knows.
 */
final class BitStreams {
    private final JlinkChannel channel;
    private final int maxBits;

    /** @param maxMemBlock the probe's buffer (GET_MAX_MEM_BLOCK) that a whole request must fit in */
    BitStreams(JlinkChannel channel, int maxMemBlock) {
        this.channel = channel;
        this.maxBits = maxBits(maxMemBlock);
    }

    /** The most bits one HW_JTAG3 request carries when the probe has {@code maxMemBlock} bytes of buffer. */
    static int maxBits(int maxMemBlock) {
        int bits = Math.max(8, (maxMemBlock - 4) / 2 * 8);
        return Math.min(HwJtag3Request.MAX_BITS & ~7, bits);
    }

    int maxBits() {
        return maxBits;
    }

    /** Clocks the vectors in requests of at most {@link #maxBits()} bits; returns the captured bits. */
    byte[] clock(int bitCount, byte[] first, byte[] second) {
        return clock(bitCount, first, second, null);
    }

    /** As {@link #clock(int, byte[], byte[])}, cutting before a cycle {@code drive} drives when it is given. */
    private byte[] clock(int bitCount, byte[] first, byte[] second, byte[] drive) {
        byte[] captured = new byte[HwJtag3Request.vectorBytes(bitCount)];
        int bits;
        for (int start = 0; start < bitCount; start += bits) {
            bits = Math.min(maxBits, bitCount - start);
            if (drive != null && start + bits < bitCount) {
                bits = cutBeforeDriven(drive, start, bits);
            }
            // start is a multiple of 8: whole bytes
            byte[] part = channel.execute(new HwJtag3Request(bits, slice(first, start, bits), slice(second, start, bits)));
            System.arraycopy(part, 0, captured, start / 8, part.length);
        }
        return captured;
    }

    /** SWD: drives where {@code drive} is 1, releases elsewhere; returns SWDIO per cycle, realigned. */
    byte[] swd(int bitCount, byte[] drive, byte[] out) {
        byte[] driven = new byte[HwJtag3Request.vectorBytes(bitCount)];
        for (int i = 0; i < driven.length; i++) {
            driven[i] = (byte) (at(drive, i) & at(out, i));
        }
        byte[] early = clock(bitCount, drive, driven, drive);
        byte[] aligned = new byte[early.length];
        for (int i = 0; i < bitCount; i++) {
            boolean level;
            if (bit(drive, i)) {
                level = bit(out, i);
            } else {
                level = i == 0 || bit(early, i - 1);
            }
            set(aligned, i, level);
        }
        return aligned;
    }

    /**
     * The longest request of at most {@code bits} from {@code start} that ends on a whole byte before
     * a driven cycle; {@code bits} itself when no such cut is in reach.
     */
    private static int cutBeforeDriven(byte[] drive, int start, int bits) {
        for (int length = bits & ~7; length > 0; length -= 8) {
            if (bit(drive, start + length)) {
                return length;
            }
        }
        return bits;
    }

    private static byte[] slice(byte[] vector, int start, int bits) {
        return Arrays.copyOfRange(vector, start / 8, start / 8 + HwJtag3Request.vectorBytes(bits));
    }

    private static byte at(byte[] vector, int index) {
        return index < vector.length ? vector[index] : 0;
    }

    static boolean bit(byte[] vector, int index) {
        return index / 8 < vector.length && ((vector[index / 8] >>> (index % 8)) & 1) != 0;
    }

    private static void set(byte[] vector, int index, boolean level) {
        if (level) {
            vector[index / 8] |= (byte) (1 << (index % 8));
        }
    }
}
