package io.probehost.driver.cmsisdap.internal;

/**
 * One sequence of DAP_SWD_Sequence or DAP_JTAG_Sequence: 1..64 clocks, LSB-first data.
 *
 * @param bitCount clocks, 1..64
 * @param tms      JTAG only: TMS level held for the whole sequence
 * @param capture  SWD: an input sequence (SWDIO released); JTAG: TDO is captured
 * @param data     SWDIO/TDI bits, LSB of byte 0 first; may be empty for SWD input sequences
 */
record BitSequence(int bitCount, boolean tms, boolean capture, byte[] data) {

    static final int MAX_BITS = 64;

    BitSequence {
        if (bitCount < 1 || bitCount > MAX_BITS) {
            throw new IllegalArgumentException("a DAP sequence has 1 to 64 clocks, not " + bitCount);
        }
        data = data == null ? new byte[0] : data;
    }

    int byteCount() {
        return (bitCount + 7) / 8;
    }

    /** The SeqInfo byte: count in bits 5:0 (64 as 0), bit 6 TMS, bit 7 capture/input. */
    int info() {
        return (bitCount & 0x3F) | (tms ? 1 << 6 : 0) | (capture ? 1 << 7 : 0);
    }

    /** The data padded or cut to {@link #byteCount()} bytes. */
    byte[] paddedData() {
        byte[] padded = new byte[byteCount()];
        System.arraycopy(data, 0, padded, 0, Math.min(data.length, padded.length));
        return padded;
    }
}
