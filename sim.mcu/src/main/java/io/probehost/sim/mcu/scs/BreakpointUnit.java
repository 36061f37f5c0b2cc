package io.probehost.sim.mcu.scs;

import io.probehost.sim.mcu.bus.WordRegisters;

/**
 * FPB version 1: the Cortex-M0 breakpoint unit (four code comparators) or the Cortex-M3 flash
 * patch and breakpoint unit (six code and two literal comparators, FP_REMAP). On the Cortex-M3 a
 * code comparator with REPLACE 00 remaps the instruction fetches of its word, and a literal
 * comparator the data loads of its word, to word n of the table FP_REMAP points at in SRAM.
 */
public final class BreakpointUnit extends WordRegisters {
    public static final int BASE = 0xE000_2000;
    public static final int NUM_CODE = 4;
    public static final int NUM_CODE_M3 = 6;
    public static final int NUM_LIT_M3 = 2;
    private static final int COMP_MASK = 0xDFFF_FFFD;
    private static final int RMPSPT = 1 << 29;

    private final int numCode;
    private final int numLit;
    private final CoreSightId id;
    private boolean enabled;
    private int remap;
    private final int[] comparators;
    /** True while FP_CTRL.ENABLE is set and some enabled comparator remaps: the fast test for core accesses. */
    private boolean remapping;

    /** The Cortex-M0 breakpoint unit. */
    public BreakpointUnit() {
        this(NUM_CODE, 0, CoreSightId.BPU);
    }

    /** The Cortex-M3 FPB. */
    public static BreakpointUnit cortexM3() {
        return new BreakpointUnit(NUM_CODE_M3, NUM_LIT_M3, CoreSightId.FPB_M3);
    }

    private BreakpointUnit(int numCode, int numLit, CoreSightId id) {
        this.numCode = numCode;
        this.numLit = numLit;
        this.id = id;
        this.comparators = new int[numCode + numLit];
    }

    /** Debug-logic reset (power-on only). */
    public void reset() {
        enabled = false;
        remap = 0;
        java.util.Arrays.fill(comparators, 0);
        remapping = false;
    }

    @Override
    protected int readWord(int offset) {
        if (offset == 0) {
            return ((numCode >> 4) << 12) | (numLit << 8) | ((numCode & 0xF) << 4) | (enabled ? 1 : 0);
        }
        if (offset == 4) {
            return remap | (numLit > 0 ? RMPSPT : 0);
        }
        int index = (offset - 8) / 4;
        if (offset >= 8 && index < comparators.length) {
            return comparators[index];
        }
        return CoreSightId.covers(offset) ? id.read(offset) : 0;
    }

    @Override
    protected void writeWord(int offset, int value) {
        if (offset == 0) {
            if ((value & 2) != 0) {
                enabled = (value & 1) != 0;
            }
        } else if (offset == 4) {
            remap = numLit > 0 ? value & 0x1FFF_FFE0 : 0;
        } else {
            int index = (offset - 8) / 4;
            if (offset >= 8 && index < comparators.length) {
                comparators[index] = value & COMP_MASK;
            }
        }
        remapping = enabled && numLit > 0 && remapsAny();
    }

    private boolean remapsAny() {
        for (int n = 0; n < comparators.length; n++) {
            if (remaps(n)) {
                return true;
            }
        }
        return false;
    }

    /** Comparator n is enabled and remaps: any literal comparator, a code comparator with REPLACE 00. */
    private boolean remaps(int n) {
        int comp = comparators[n];
        return (comp & 1) != 0 && (n >= numCode || comp >>> 30 == 0);
    }

    /** Where a core instruction fetch (or data load) at {@code address} reads: the remap table word of a matching comparator. */
    public int remap(int address, boolean instruction) {
        if (!remapping) {
            return address;
        }
        int first = instruction ? 0 : numCode;
        int end = instruction ? numCode : comparators.length;
        for (int n = first; n < end; n++) {
            if (remaps(n) && (comparators[n] & 0x1FFF_FFFC) == (address & 0x1FFF_FFFC)) {
                return 0x2000_0000 + remap + 4 * n + (address & 3);
            }
        }
        return address;
    }

    /** FP_CTRL.ENABLE: no comparator matches or remaps while it is clear. */
    public boolean enabled() {
        return enabled;
    }

    /** True while some enabled comparator remaps fetches or loads (the FPB enabled). */
    public boolean remapping() {
        return remapping;
    }

    /** True if an enabled comparator breaks on the halfword at {@code pc} (Code region only). */
    public boolean matches(int pc) {
        if (!enabled || Integer.compareUnsigned(pc, 0x2000_0000) >= 0) {
            return false;
        }
        for (int n = 0; n < numCode; n++) {
            int comp = comparators[n];
            if ((comp & 1) == 0 || (comp & 0x1FFF_FFFC) != (pc & 0x1FFF_FFFC)) {
                continue;
            }
            int replace = comp >>> 30;
            if (replace == 3 || replace == ((pc & 2) == 0 ? 1 : 2)) {
                return true;
            }
        }
        return false;
    }
}
