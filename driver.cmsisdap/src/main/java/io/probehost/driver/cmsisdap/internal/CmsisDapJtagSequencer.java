package io.probehost.driver.cmsisdap.internal;

import java.util.ArrayList;
import java.util.List;

import io.probehost.api.probe.JtagSequencer;

/**
 * {@link JtagSequencer} through DAP_JTAG_Sequence (cmsis-dap.md §6.1): each run of cycles with the
 * same TMS level becomes sequences of at most 64 clocks with that TMS, every one capturing TDO; the
 * sequences go out in as few commands as the packet size allows, in order with queued transfers.
 */
final class CmsisDapJtagSequencer implements JtagSequencer {
    private final TransferEngine engine;
    private final int packetSize;

    CmsisDapJtagSequencer(TransferEngine engine, int packetSize) {
        this.engine = engine;
        this.packetSize = packetSize;
    }

    @Override
    public byte[] shift(int bitCount, byte[] tms, byte[] tdi) {
        if (bitCount < 0 || tms.length * 8 < bitCount || tdi.length * 8 < bitCount) {
            throw new IllegalArgumentException("JTAG shift of " + bitCount + " cycles with " + tms.length
                    + " TMS and " + tdi.length + " TDI bytes");
        }
        byte[] tdo = new byte[(bitCount + 7) / 8];
        int cycle = 0;
        for (List<BitSequence> packet : JtagSequencePackets.split(sequences(bitCount, tms, tdi), packetSize)) {
            List<byte[]> captured = engine.execute(new JtagSequenceRequest(packet));
            for (int i = 0; i < packet.size(); i++) {
                byte[] bits = captured.get(i);
                for (int bit = 0; bit < packet.get(i).bitCount(); bit++, cycle++) {
                    if (bit(bits, bit)) {
                        tdo[cycle / 8] |= (byte) (1 << (cycle % 8));
                    }
                }
            }
        }
        return tdo;
    }

    /** Runs of equal TMS, cut at 64 clocks, each with its TDI bits and TDO capture. */
    static List<BitSequence> sequences(int bitCount, byte[] tms, byte[] tdi) {
        List<BitSequence> sequences = new ArrayList<>();
        int start = 0;
        while (start < bitCount) {
            boolean level = bit(tms, start);
            int end = start + 1;
            while (end < bitCount && end - start < BitSequence.MAX_BITS && bit(tms, end) == level) {
                end++;
            }
            byte[] data = new byte[(end - start + 7) / 8];
            for (int i = start; i < end; i++) {
                if (bit(tdi, i)) {
                    data[(i - start) / 8] |= (byte) (1 << ((i - start) % 8));
                }
            }
            sequences.add(new BitSequence(end - start, level, true, data));
            start = end;
        }
        return sequences;
    }

    private static boolean bit(byte[] vector, int index) {
        return ((vector[index / 8] >>> (index % 8)) & 1) != 0;
    }
}
