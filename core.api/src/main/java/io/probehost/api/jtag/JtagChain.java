package io.probehost.api.jtag;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

import io.probehost.api.ProtocolException;
import io.probehost.api.probe.JtagSequencer;

/**
 * A JTAG scan chain driven through a {@link JtagSequencer}. TAP 0 is the one nearest TDO (its bits
 * come out first), as OpenOCD numbers them. Every scan starts and ends in Run-Test/Idle, and shifts
 * one TAP's register with every other TAP in BYPASS (IR all ones, one DR bit each); each call is one
 * {@link JtagSequencer#shift} of the whole move. Not thread-safe: one debug port or DTM owns it.
 */
public final class JtagChain {
    /** Test-Logic-Reset from any state: five TCKs with TMS high. */
    private static final int RESET_MOVES = 5;
    /** Run-Test/Idle to Shift-DR: TMS 1, 0, 0. */
    private static final int IDLE_TO_SHIFT_DR = 0b001;
    /** Run-Test/Idle to Shift-IR: TMS 1, 1, 0, 0. */
    private static final int IDLE_TO_SHIFT_IR = 0b0011;
    /** The IDCODE scan stops after this many TAPs. */
    public static final int MAX_TAPS = 32;

    private final JtagSequencer sequencer;
    private final int[] irLengths;
    private List<Integer> idcodes = List.of();

    /**
     * @param irLengths the IR length of every TAP, TAP 0 (nearest TDO) first
     */
    public JtagChain(JtagSequencer sequencer, List<Integer> irLengths) {
        if (irLengths.isEmpty()) {
            throw new IllegalArgumentException("a JTAG chain has at least one TAP");
        }
        this.sequencer = sequencer;
        this.irLengths = irLengths.stream().mapToInt(Integer::intValue).toArray();
        for (int length : this.irLengths) {
            if (length < 2 || length > 32) {
                throw new IllegalArgumentException("an IR is 2 to 32 bits long, not " + length);
            }
        }
    }

    public int tapCount() {
        return irLengths.length;
    }

    public int irLength(int tap) {
        return irLengths[checkedTap(tap)];
    }

    /** Five TCKs with TMS high (Test-Logic-Reset: every TAP loads IDCODE or BYPASS), then Run-Test/Idle. */
    public void resetToIdle() {
        JtagBits bits = new JtagBits().tms(0b11111, RESET_MOVES).clock(false, true);
        shift(bits);
    }

    /** {@code cycles} TCKs in Run-Test/Idle (time for a JTAG-DP or DTM to finish an access). */
    public void idle(int cycles) {
        if (cycles <= 0) {
            return;
        }
        JtagBits bits = new JtagBits();
        for (int i = 0; i < cycles; i++) {
            bits.clock(false, false);
        }
        shift(bits);
    }

    /**
     * Loads {@code instruction} into the IR of {@code tap} and BYPASS into every other; returns what
     * that TAP's IR captured (0b...01 on a compliant TAP).
     */
    public int scanIr(int tap, int instruction) {
        JtagBits bits = new JtagBits();
        int start = appendIr(bits, checkedTap(tap), instruction);
        return (int) JtagBits.bits(shift(bits), start, irLengths[tap]);
    }

    /**
     * Shifts {@code length} bits (1..64) of {@code value}, LSB first, through the DR of {@code tap}, the
     * other TAPs in BYPASS as {@link #scanIr} leaves them (TAP 0 needs no IR scan first); returns the
     * bits the register captured, then {@code idleCycles} TCKs in Run-Test/Idle.
     */
    public long scanDr(int tap, long value, int length, int idleCycles) {
        return batch(tap).dr(value, length, idleCycles).run()[0];
    }

    /** IR and DR scans of {@code tap} gathered to go out in one {@link JtagSequencer#shift}. */
    public Batch batch(int tap) {
        return new Batch(checkedTap(tap));
    }

    /**
     * IR and DR scans of one TAP, the others in BYPASS, each from and back to Run-Test/Idle, sent in one
     * {@link JtagSequencer#shift} by {@link #run()}: a probe's USB round trip for all of them.
     */
    public final class Batch {
        private final int tap;
        private final JtagBits bits = new JtagBits();
        private final List<int[]> drScans = new ArrayList<>();

        private Batch(int tap) {
            this.tap = tap;
        }

        /** Appends an IR scan loading {@code instruction} (BYPASS into the other TAPs). */
        public Batch ir(int instruction) {
            appendIr(bits, tap, instruction);
            return this;
        }

        /** Appends a DR scan of {@code length} bits (1..64) of {@code value}, then {@code idleCycles} in Run-Test/Idle. */
        public Batch dr(long value, int length, int idleCycles) {
            if (length < 1 || length > 64) {
                throw new IllegalArgumentException("a DR scan here is 1 to 64 bits, not " + length);
            }
            drScans.add(new int[] {appendDr(bits, tap, value, length, idleCycles), length});
            return this;
        }

        /** The DR scans appended so far. */
        public int drCount() {
            return drScans.size();
        }

        /** Shifts everything appended; returns what each DR scan captured, in order. */
        public long[] run() {
            if (bits.count() == 0) {
                return new long[0];
            }
            byte[] tdo = shift(bits);
            long[] captured = new long[drScans.size()];
            for (int i = 0; i < captured.length; i++) {
                captured[i] = JtagBits.bits(tdo, drScans.get(i)[0], drScans.get(i)[1]);
            }
            return captured;
        }
    }

    /** Appends an IR scan from and back to Run-Test/Idle; returns where the TAP's captured IR starts. */
    private int appendIr(JtagBits bits, int tap, int instruction) {
        int before = 0;
        for (int i = 0; i < tap; i++) {
            before += irLengths[i];
        }
        int total = 0;
        for (int length : irLengths) {
            total += length;
        }
        int length = irLengths[tap];
        bits.tms(IDLE_TO_SHIFT_IR, 4);
        int start = bits.count();
        for (int i = 0; i < total; i++) {
            boolean own = i >= before && i < before + length;
            bits.clock(i == total - 1, !own || ((instruction >>> (i - before)) & 1) != 0);
        }
        bits.tms(0b01, 2); // Update-IR, Run-Test/Idle
        return start + before;
    }

    /** Appends a DR scan from and back to Run-Test/Idle, then idle cycles; returns where its capture starts. */
    private int appendDr(JtagBits bits, int tap, long value, int length, int idleCycles) {
        int total = length + irLengths.length - 1;
        bits.tms(IDLE_TO_SHIFT_DR, 3);
        int start = bits.count();
        for (int i = 0; i < total; i++) {
            boolean own = i >= tap && i < tap + length;
            bits.clock(i == total - 1, own && ((value >>> (i - tap)) & 1) != 0);
        }
        bits.tms(0b01, 2); // Update-DR, Run-Test/Idle
        for (int i = 0; i < idleCycles; i++) {
            bits.clock(false, false);
        }
        return start + tap;
    }

    /**
     * The IDCODE scan: after Test-Logic-Reset every TAP holds its IDCODE (32 bits, bit 0 set) or BYPASS
     * (one 0 bit). Returns one entry per TAP, TAP 0 first: the IDCODE, or 0 for a TAP in BYPASS. Ends
     * in Run-Test/Idle.
     *
     * @throws ProtocolException when the chain reads as all zeros or all ones (nothing connected)
     */
    public static List<Integer> readIdcodes(JtagSequencer sequencer) {
        int scanBits = MAX_TAPS * 32 + 32;
        JtagBits bits = new JtagBits().tms(0b11111, RESET_MOVES).clock(false, true).tms(IDLE_TO_SHIFT_DR, 3);
        int start = bits.count();
        for (int i = 0; i < scanBits; i++) {
            bits.clock(i == scanBits - 1, true);
        }
        bits.tms(0b01, 2);
        byte[] tdo = sequencer.shift(bits.count(), bits.tmsBytes(), bits.tdiBytes());
        List<Integer> idcodes = new ArrayList<>();
        int position = start;
        int end = start + scanBits;
        while (position < end && idcodes.size() < MAX_TAPS) {
            if (!JtagBits.bit(tdo, position)) {
                idcodes.add(0);
                position++;
                continue;
            }
            if (position + 32 > end) {
                break;
            }
            int idcode = (int) JtagBits.bits(tdo, position, 32);
            if (idcode == -1) {
                break; // the ones shifted in have come through: the chain ends here
            }
            idcodes.add(idcode);
            position += 32;
        }
        if (idcodes.isEmpty() || idcodes.stream().allMatch(id -> id == 0)) {
            throw new ProtocolException("the JTAG chain answered no IDCODE (TDO stuck "
                    + (JtagBits.bit(tdo, start) ? "high" : "low") + "): nothing is connected or the target has no power");
        }
        return idcodes;
    }

    /**
     * The total IR length of the chain: from Test-Logic-Reset, zeros into every IR, then ones until the
     * first one comes out (every IR then holds BYPASS). Ends in Run-Test/Idle.
     */
    public static int measureIrLength(JtagSequencer sequencer) {
        int fill = MAX_TAPS * 32;
        JtagBits bits = new JtagBits().tms(0b11111, RESET_MOVES).clock(false, true).tms(IDLE_TO_SHIFT_IR, 4);
        int start = bits.count() + fill;
        for (int i = 0; i < fill; i++) {
            bits.clock(false, false);
        }
        for (int i = 0; i < fill; i++) {
            bits.clock(i == fill - 1, true);
        }
        bits.tms(0b01, 2);
        byte[] tdo = sequencer.shift(bits.count(), bits.tmsBytes(), bits.tdiBytes());
        for (int i = 0; i < fill; i++) {
            if (JtagBits.bit(tdo, start + i)) {
                return i;
            }
        }
        throw new ProtocolException("the JTAG chain's IR never passed a one through (TDO stuck low)");
    }

    /**
     * Finds the chain: the IDCODE scan, then the IR length of each TAP from {@code knownIrLength}
     * (given an IDCODE, or 0 for a TAP in BYPASS; returns 0 when unknown). At most one TAP may be
     * unknown: it gets what the measured total leaves.
     *
     * @return the chain, TAP 0 nearest TDO; its IDCODEs through {@link #idcodes()}
     */
    public static JtagChain detect(JtagSequencer sequencer, IntUnaryOperator knownIrLength) {
        List<Integer> idcodes = readIdcodes(sequencer);
        int total = measureIrLength(sequencer);
        List<Integer> lengths = new ArrayList<>();
        int unknown = -1;
        int known = 0;
        for (int i = 0; i < idcodes.size(); i++) {
            int length = knownIrLength.applyAsInt(idcodes.get(i));
            if (length == 0) {
                if (unknown >= 0) {
                    throw new ProtocolException(String.format("the JTAG chain has %d TAPs (IDCODEs %s) of which more "
                            + "than one has an unknown IR length (total %d bits)", idcodes.size(), hex(idcodes), total));
                }
                unknown = i;
            }
            known += length;
            lengths.add(length);
        }
        if (unknown >= 0) {
            lengths.set(unknown, total - known);
        } else if (known != total) {
            throw new ProtocolException("the JTAG chain's IRs measure " + total + " bits, not the " + known
                    + " its TAPs (IDCODEs " + hex(idcodes) + ") should have");
        }
        JtagChain chain = new JtagChain(sequencer, lengths);
        chain.idcodes = List.copyOf(idcodes);
        return chain;
    }

    /** The IDCODEs {@link #detect} found, TAP 0 first (0 for a TAP in BYPASS); empty otherwise. */
    public List<Integer> idcodes() {
        return idcodes;
    }

    private static String hex(List<Integer> idcodes) {
        List<String> texts = new ArrayList<>();
        for (int id : idcodes) {
            texts.add(String.format("0x%08X", id));
        }
        return String.join(", ", texts);
    }

    private byte[] shift(JtagBits bits) {
        byte[] tdo = sequencer.shift(bits.count(), bits.tmsBytes(), bits.tdiBytes());
        if (tdo.length * 8 < bits.count()) {
            throw new ProtocolException("the probe returned " + tdo.length + " TDO bytes for " + bits.count()
                    + " JTAG cycles");
        }
        return tdo;
    }

    private int checkedTap(int tap) {
        if (tap < 0 || tap >= irLengths.length) {
            throw new IllegalArgumentException("no TAP " + tap + " in a chain of " + irLengths.length);
        }
        return tap;
    }
}
