package io.probehost.arch.arm.internal;

import java.util.Arrays;

/**
 * A run of SWCLK cycles for {@link io.probehost.api.probe.SwdSequencer#sequence(int, byte[], byte[])}:
 * which cycles the host drives and with what, LSB of byte 0 first. Reads the captured bits back.
 */
final class SwdBitStream {
    private byte[] drive = new byte[16];
    private byte[] out = new byte[16];
    private int length;

    /** Appends {@code count} (at most 64) host-driven cycles carrying {@code value}, LSB first. */
    SwdBitStream drive(int count, long value) {
        for (int i = 0; i < count; i++) {
            append(true, ((value >>> i) & 1) != 0);
        }
        return this;
    }

    /** Appends {@code count} cycles in which the host releases SWDIO. */
    SwdBitStream release(int count) {
        for (int i = 0; i < count; i++) {
            append(false, false);
        }
        return this;
    }

    private void append(boolean driven, boolean bit) {
        if (length == drive.length * 8) {
            drive = Arrays.copyOf(drive, drive.length * 2);
            out = Arrays.copyOf(out, out.length * 2);
        }
        if (driven) {
            drive[length >>> 3] |= (byte) (1 << (length & 7));
        }
        if (bit) {
            out[length >>> 3] |= (byte) (1 << (length & 7));
        }
        length++;
    }

    int length() {
        return length;
    }

    byte[] driveMask() {
        return Arrays.copyOf(drive, bytesFor(length));
    }

    byte[] outBits() {
        return Arrays.copyOf(out, bytesFor(length));
    }

    static int bytesFor(int bits) {
        return (bits + 7) / 8;
    }

    /** {@code count} (at most 64) captured bits from {@code offset}, the first one in bit 0. */
    static long bits(byte[] captured, int offset, int count) {
        long value = 0;
        for (int i = 0; i < count; i++) {
            int index = offset + i;
            if ((captured[index >>> 3] >>> (index & 7) & 1) != 0) {
                value |= 1L << i;
            }
        }
        return value;
    }
}
