package io.probehost.api.jtag;

import java.util.Arrays;

/**
 * TMS and TDI vectors being built for one {@link io.probehost.api.probe.JtagSequencer#shift} call,
 * LSB first (bit {@code i} in bit {@code i % 8} of byte {@code i / 8}), and the bits read back from them.
 */
final class JtagBits {
    private byte[] tms = new byte[16];
    private byte[] tdi = new byte[16];
    private int count;

    /** Appends one TCK cycle. */
    JtagBits clock(boolean tmsBit, boolean tdiBit) {
        if (count == tms.length * 8) {
            tms = Arrays.copyOf(tms, tms.length * 2);
            tdi = Arrays.copyOf(tdi, tdi.length * 2);
        }
        if (tmsBit) {
            tms[count / 8] |= (byte) (1 << (count % 8));
        }
        if (tdiBit) {
            tdi[count / 8] |= (byte) (1 << (count % 8));
        }
        count++;
        return this;
    }

    /** Appends TMS moves with TDI high, {@code bits} read LSB first. */
    JtagBits tms(int bits, int length) {
        for (int i = 0; i < length; i++) {
            clock(((bits >>> i) & 1) != 0, true);
        }
        return this;
    }

    int count() {
        return count;
    }

    byte[] tmsBytes() {
        return Arrays.copyOf(tms, (count + 7) / 8);
    }

    byte[] tdiBytes() {
        return Arrays.copyOf(tdi, (count + 7) / 8);
    }

    static boolean bit(byte[] vector, int index) {
        return ((vector[index / 8] >>> (index % 8)) & 1) != 0;
    }

    /** {@code length} (at most 64) bits of {@code vector} from {@code start}, the first in bit 0. */
    static long bits(byte[] vector, int start, int length) {
        long value = 0;
        for (int i = 0; i < length; i++) {
            value |= (bit(vector, start + i) ? 1L : 0L) << i;
        }
        return value;
    }
}
