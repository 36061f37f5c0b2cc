package io.probehost.sim.mcu.scs;

import io.probehost.sim.mcu.bus.WordRegisters;

/** The Cortex-M0 breakpoint unit (FPBv1 without remap): FP_CTRL and four code comparators. */
public final class BreakpointUnit extends WordRegisters {
    public static final int BASE = 0xE000_2000;
    public static final int NUM_CODE = 4;
    private static final int COMP_MASK = 0xDFFF_FFFD;

    private boolean enabled;
    private final int[] comparators = new int[NUM_CODE];

    /** Debug-logic reset (power-on only). */
    public void reset() {
        enabled = false;
        java.util.Arrays.fill(comparators, 0);
    }

    @Override
    protected int readWord(int offset) {
        if (offset == 0) {
            return (NUM_CODE << 4) | (enabled ? 1 : 0);
        }
        int index = (offset - 8) / 4;
        if (offset >= 8 && index < NUM_CODE) {
            return comparators[index];
        }
        return CoreSightId.covers(offset) ? CoreSightId.BPU.read(offset) : 0;
    }

    @Override
    protected void writeWord(int offset, int value) {
        if (offset == 0) {
            if ((value & 2) != 0) {
                enabled = (value & 1) != 0;
            }
            return;
        }
        int index = (offset - 8) / 4;
        if (offset >= 8 && index < NUM_CODE) {
            comparators[index] = value & COMP_MASK;
        }
    }

    /** True if an enabled comparator breaks on the halfword at {@code pc} (Code region only). */
    public boolean matches(int pc) {
        if (!enabled || Integer.compareUnsigned(pc, 0x2000_0000) >= 0) {
            return false;
        }
        for (int comp : comparators) {
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
