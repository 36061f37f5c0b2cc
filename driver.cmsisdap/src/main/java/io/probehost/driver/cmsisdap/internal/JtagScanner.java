package io.probehost.driver.cmsisdap.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import io.probehost.api.ProbeException;

/**
 * Scan-chain discovery with DAP_JTAG_Sequence: IR lengths from the Capture-IR patterns (each TAP
 * captures {@code ...01}, LSB first) and the total IR length (ones shifted in come out after it),
 * then IDCODEs from a DR scan after Test-Logic-Reset (a TAP with an IDCODE shows a 1 first, a TAP
 * in BYPASS a single 0). TAP 0 is the one nearest TDO, as DAP_JTAG_Configure numbers them.
 */
final class JtagScanner {
    static final int MAX_TAPS = 8;
    static final int MAX_IR_BITS = 256;
    private static final int DR_SCAN_BITS = 32 * (MAX_TAPS + 1);
    private static final int END_OF_CHAIN = 0xFFFF_FFFF;

    private final Function<List<BitSequence>, List<byte[]>> sequencer;
    private final int packetSize;

    /**
     * @param sequencer  runs one DAP_JTAG_Sequence and answers the captured TDO bytes
     * @param packetSize the probe's packet size, to split long scans
     */
    JtagScanner(Function<List<BitSequence>, List<byte[]>> sequencer, int packetSize) {
        this.sequencer = sequencer;
        this.packetSize = packetSize;
    }

    /** Finds the TAPs of the chain; leaves every TAP in Run-Test/Idle with IDCODE (or BYPASS) selected. */
    List<JtagTap> scan() {
        List<BitSequence> irScan = new ArrayList<>(resetToIdle());
        irScan.add(tms(true, 2));
        irScan.add(tms(false, 2));
        irScan.addAll(shift(MAX_IR_BITS, true));
        irScan.addAll(shift(MAX_IR_BITS, false));
        irScan.add(tms(true, 2));
        irScan.add(tms(false, 1));
        boolean[] irBits = run(irScan);
        boolean[] captured = slice(irBits, 0, MAX_IR_BITS);
        int totalIr = firstIndexOf(slice(irBits, MAX_IR_BITS, MAX_IR_BITS), false);
        if (totalIr == 0) {
            throw new ProbeException("no JTAG device answered: TDO stays low");
        }
        if (totalIr < 0) {
            throw new ProbeException("no JTAG device answered: TDO stays high (or the chain's IR is longer than "
                    + MAX_IR_BITS + " bits)");
        }

        List<BitSequence> drScan = new ArrayList<>(resetToIdle());
        drScan.add(tms(true, 1));
        drScan.add(tms(false, 2));
        drScan.addAll(shift(DR_SCAN_BITS, true));
        drScan.add(tms(true, 2));
        drScan.add(tms(false, 1));
        drScan.addAll(resetToIdle());
        List<Integer> idcodes = idcodes(run(drScan));
        int[] irLengths = irLengths(slice(captured, 0, totalIr), idcodes.size());
        List<JtagTap> taps = new ArrayList<>();
        for (int i = 0; i < idcodes.size(); i++) {
            taps.add(new JtagTap(idcodes.get(i), irLengths[i]));
        }
        return taps;
    }

    /** IDCODEs in TDO order from a DR scan shifting ones; 0 for a TAP in BYPASS. */
    static List<Integer> idcodes(boolean[] bits) {
        List<Integer> idcodes = new ArrayList<>();
        int position = 0;
        while (position < bits.length) {
            if (!bits[position]) {
                idcodes.add(0);
                position++;
            } else {
                if (position + 32 > bits.length) {
                    break;
                }
                int word = word(bits, position);
                if (word == END_OF_CHAIN) {
                    break;
                }
                idcodes.add(word);
                position += 32;
            }
            if (idcodes.size() > MAX_TAPS) {
                throw new ProbeException("the JTAG chain has more than " + MAX_TAPS
                        + " TAPs, or TDO stays low: cannot read its IDCODEs");
            }
        }
        if (idcodes.isEmpty()) {
            throw new ProbeException("no JTAG device answered: the IDCODE scan only returned ones");
        }
        return idcodes;
    }

    /**
     * Splits the captured IR bits into one length per TAP: each TAP's capture starts with 1, 0.
     * Works when that pattern starts exactly {@code tapCount} times, which holds whenever the TAPs
     * capture zeros in their upper IR bits (Arm JTAG-DPs and most boundary-scan TAPs do).
     */
    static int[] irLengths(boolean[] captured, int tapCount) {
        if (tapCount == 1) {
            return new int[] {captured.length};
        }
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i + 1 < captured.length; i++) {
            if (captured[i] && !captured[i + 1]) {
                starts.add(i);
            }
        }
        if (starts.size() != tapCount || starts.get(0) != 0) {
            throw new ProbeException("cannot tell the IR lengths of the " + tapCount + " TAPs on the JTAG chain from "
                    + "the captured IR bits " + bitString(captured) + " (TDO first)");
        }
        int[] lengths = new int[tapCount];
        for (int i = 0; i < tapCount; i++) {
            int end = i + 1 < tapCount ? starts.get(i + 1) : captured.length;
            lengths[i] = end - starts.get(i);
        }
        return lengths;
    }

    private boolean[] run(List<BitSequence> sequences) {
        List<Boolean> captured = new ArrayList<>();
        for (List<BitSequence> packet : JtagSequencePackets.split(sequences, packetSize)) {
            collect(packet, captured);
        }
        boolean[] bits = new boolean[captured.size()];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = captured.get(i);
        }
        return bits;
    }

    private void collect(List<BitSequence> packet, List<Boolean> captured) {
        if (packet.isEmpty()) {
            return;
        }
        List<byte[]> tdo = sequencer.apply(List.copyOf(packet));
        int index = 0;
        for (BitSequence sequence : packet) {
            if (sequence.capture()) {
                byte[] bytes = tdo.get(index++);
                for (int bit = 0; bit < sequence.bitCount(); bit++) {
                    captured.add((bytes[bit / 8] & (1 << (bit % 8))) != 0);
                }
            }
        }
    }

    /** Five TMS ones reach Test-Logic-Reset from anywhere; one zero then goes to Run-Test/Idle. */
    static List<BitSequence> resetToIdle() {
        return List.of(tms(true, 5), tms(false, 1));
    }

    private static BitSequence tms(boolean level, int clocks) {
        return new BitSequence(clocks, level, false, new byte[] {(byte) 0xFF});
    }

    /** Shifts {@code bits} TDI bits of one value with TMS low, capturing TDO. */
    private static List<BitSequence> shift(int bits, boolean tdi) {
        List<BitSequence> sequences = new ArrayList<>();
        for (int done = 0; done < bits; done += BitSequence.MAX_BITS) {
            int count = Math.min(BitSequence.MAX_BITS, bits - done);
            byte[] data = new byte[(count + 7) / 8];
            Arrays.fill(data, tdi ? (byte) 0xFF : 0);
            sequences.add(new BitSequence(count, false, true, data));
        }
        return sequences;
    }

    private static int word(boolean[] bits, int from) {
        int value = 0;
        for (int i = 0; i < 32; i++) {
            if (bits[from + i]) {
                value |= 1 << i;
            }
        }
        return value;
    }

    private static boolean[] slice(boolean[] bits, int from, int length) {
        boolean[] part = new boolean[length];
        System.arraycopy(bits, from, part, 0, length);
        return part;
    }

    private static int firstIndexOf(boolean[] bits, boolean value) {
        for (int i = 0; i < bits.length; i++) {
            if (bits[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static String bitString(boolean[] bits) {
        StringBuilder text = new StringBuilder();
        for (boolean bit : bits) {
            text.append(bit ? '1' : '0');
        }
        return text.toString();
    }
}
