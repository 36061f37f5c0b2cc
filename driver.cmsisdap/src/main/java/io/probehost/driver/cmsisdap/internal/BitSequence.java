package io.probehost.driver.cmsisdap.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

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

    /** A copy of the sequences of one DAP_SWD_Sequence or DAP_JTAG_Sequence, which takes 1 to 255. */
    static List<BitSequence> checkedCommandList(List<BitSequence> sequences, String command) {
        List<BitSequence> copy = List.copyOf(sequences);
        if (copy.isEmpty() || copy.size() > 255) {
            throw new IllegalArgumentException(command + " takes 1 to 255 sequences, not " + copy.size());
        }
        return copy;
    }

    /** The bits of each capturing sequence, in order, as a sequence command's reply holds them. */
    static List<byte[]> readCaptured(List<BitSequence> sequences, ByteBuffer in) {
        List<byte[]> captured = new ArrayList<>();
        for (BitSequence sequence : sequences) {
            if (sequence.capture()) {
                byte[] bits = new byte[sequence.byteCount()];
                in.get(bits);
                captured.add(bits);
            }
        }
        return captured;
    }
}
