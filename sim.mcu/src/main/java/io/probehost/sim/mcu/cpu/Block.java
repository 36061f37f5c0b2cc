package io.probehost.sim.mcu.cpu;

import io.probehost.sim.mcu.bus.DecodeTable;
import io.probehost.sim.mcu.bus.DirectRegion;

/**
 * A straight run of instructions starting at a PC the run reached by a branch (or at its start),
 * at most {@link #MAX_INSTRUCTIONS}: up to and including the first that may branch
 * ({@link BlockCompiler#endsBlock}), or up to one that cannot stand in a block
 * ({@link BlockCompiler#routine}), which then runs as a step of its own. Stepped through until
 * the run has reached it {@link #HOT} times, then compiled.
 */
final class Block {
    static final int MAX_INSTRUCTIONS = 32;
    /** Runs before a block is compiled: code run only a few times is not worth a class. */
    static final int HOT = 200;
    /** More cycles than any instruction of a block takes (LDM of 15 registers: 16). */
    static final int MAX_CYCLES_PER_INSTRUCTION = 32;
    /** A decode-table entry for an instruction that is part of a block. */
    private static final long MARK = 1;

    private final int start;
    private final int[] pcs;
    private final int[] raws;
    private final int[] kinds;
    private final int endPc;
    private final boolean branches;
    private int runs;
    private CompiledBlock compiled;
    /** The decode table of the array the block was read from, and its {@link DecodeTable#codeChanges()} when checked last. */
    private DecodeTable table;
    private int codeChanges;

    /** {@code pcs}, {@code raws} and {@code kinds}: per instruction, as many as the block holds. */
    Block(int start, int[] pcs, int[] raws, int[] kinds, int endPc, boolean branches) {
        this.branches = branches;
        this.start = start;
        this.pcs = pcs;
        this.raws = raws;
        this.kinds = kinds;
        this.endPc = endPc;
    }

    int start() {
        return start;
    }

    int count() {
        return pcs.length;
    }

    int pc(int i) {
        return pcs[i];
    }

    int raw(int i) {
        return raws[i];
    }

    int kind(int i) {
        return kinds[i];
    }

    /** The PC after the block's last instruction (if that one does not branch, the next block starts there or after it). */
    int endPc() {
        return endPc;
    }

    /** Whether the last instruction may branch, so that the next block starts wherever it leads. */
    boolean branches() {
        return branches;
    }

    /** The PC of the instruction after which the next block starts: the branch, or the step after the block. */
    int lastPc() {
        return branches ? pcs[pcs.length - 1] : endPc;
    }

    /**
     * The index of the instruction that faulted with the PC at {@code pc}: the one there (the block
     * sets the PC before each), or the last, a branch that may have moved the PC before it faulted.
     */
    int faultedAt(int pc) {
        for (int i = 0; i < pcs.length; i++) {
            if (pcs[i] == pc) {
                return i;
            }
        }
        return pcs.length - 1;
    }

    /**
     * Whether the block's instructions are still what {@code code} holds at their PCs: at once while
     * no change has touched code of the array since the block was read or checked last, else by
     * comparing each instruction's bits (a store to the stack changes nothing the block holds, but
     * code of its own in the same RAM may have changed).
     */
    boolean stillIn(DirectRegion code) {
        DecodeTable now = code.decodeTable();
        if (now == table && codeChanges == now.codeChanges()) {
            return true;
        }
        for (int i = 0; i < pcs.length; i++) {
            long pair = code.readWordIfCovered(pcs[i], Core.NO_PAIR);
            int bits = DecodedInstructions.thirtyTwoBit(raws[i] & 0xFFFF) ? (int) pair : (int) pair & 0xFFFF;
            if (pair == Core.NO_PAIR || bits != raws[i]) {
                return false;
            }
        }
        markIn(code);
        return true;
    }

    /**
     * Marks the block's instructions in the decode table of {@code code}, the region it was read
     * from, so that a change to any of them counts in {@link DecodeTable#codeChanges()} and ends a
     * quiet run (the table's listener) right after the instruction making it.
     */
    void markIn(DirectRegion code) {
        DecodeTable now = code.decodeTable();
        long[] entries = now.entries();
        for (int i = 0; i < pcs.length; i++) {
            entries[code.offsetOf(pcs[i]) >>> 1] = MARK;
        }
        table = now;
        codeChanges = now.codeChanges();
    }

    CompiledBlock compiled() {
        return compiled;
    }

    /** Counts a time the run reached this block uncompiled; true at the {@code hot}-th, when it is worth compiling. */
    boolean reached(int hot) {
        return ++runs == hot;
    }

    void compiled(CompiledBlock value) {
        compiled = value;
    }
}
