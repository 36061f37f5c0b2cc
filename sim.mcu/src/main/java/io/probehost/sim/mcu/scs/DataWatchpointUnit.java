package io.probehost.sim.mcu.scs;

import io.probehost.sim.mcu.cpu.Core;
import io.probehost.sim.mcu.bus.WordRegisters;

/** The Cortex-M0 DWT: two comparators for PC match and data address watchpoints, and PCSR. */
public final class DataWatchpointUnit extends WordRegisters {
    public static final int BASE = 0xE000_1000;
    public static final int NUM_COMP = 2;
    static final int FUNCTION_PC = 4;
    static final int FUNCTION_READ = 5;
    static final int FUNCTION_WRITE = 6;
    static final int FUNCTION_ACCESS = 7;
    private static final int MATCHED = 1 << 24;

    private final Core core;
    private final int[] comp = new int[NUM_COMP];
    private final int[] mask = new int[NUM_COMP];
    private final int[] function = new int[NUM_COMP];
    private final boolean[] matched = new boolean[NUM_COMP];

    public DataWatchpointUnit(Core core) {
        this.core = core;
    }

    public void reset() {
        for (int i = 0; i < NUM_COMP; i++) {
            comp[i] = 0;
            mask[i] = 0;
            function[i] = 0;
            matched[i] = false;
        }
    }

    @Override
    protected int readWord(int offset) {
        if (offset == 0) {
            return NUM_COMP << 28;
        }
        if (offset == 0x1C) {
            return core.registers().pc();
        }
        int n = (offset - 0x20) >> 4;
        if (offset >= 0x20 && n < NUM_COMP) {
            switch (offset & 0xC) {
                case 0x0: return comp[n];
                case 0x4: return mask[n];
                case 0x8: {
                    int value = function[n] | (matched[n] ? MATCHED : 0);
                    matched[n] = false;
                    return value;
                }
                default: return 0;
            }
        }
        return CoreSightId.covers(offset) ? CoreSightId.DWT.read(offset) : 0;
    }

    @Override
    protected void writeWord(int offset, int value) {
        int n = (offset - 0x20) >> 4;
        if (offset < 0x20 || n >= NUM_COMP) {
            return;
        }
        switch (offset & 0xC) {
            case 0x0: comp[n] = value; break;
            case 0x4: mask[n] = value & 0x1F; break;
            case 0x8: function[n] = value & 0xF; break;
            default: break;
        }
    }

    private boolean active() {
        return core.debug().dwtEnabled();
    }

    private int ignoredBits(int n) {
        return (int) ((1L << mask[n]) - 1);
    }

    public boolean pcMatch(int pc) {
        boolean hit = false;
        for (int n = 0; active() && n < NUM_COMP; n++) {
            if (function[n] == FUNCTION_PC && (pc & ~ignoredBits(n)) == (comp[n] & ~ignoredBits(n))) {
                matched[n] = true;
                hit = true;
            }
        }
        return hit;
    }

    public boolean dataMatch(int address, int bytes, boolean write) {
        boolean hit = false;
        for (int n = 0; active() && n < NUM_COMP; n++) {
            int f = function[n];
            boolean kind = f == FUNCTION_ACCESS || (write ? f == FUNCTION_WRITE : f == FUNCTION_READ);
            if (!kind) {
                continue;
            }
            int low = comp[n] & ~ignoredBits(n);
            int high = low + ignoredBits(n);
            int last = address + bytes - 1;
            if (Integer.compareUnsigned(address, high) <= 0 && Integer.compareUnsigned(last, low) >= 0) {
                matched[n] = true;
                hit = true;
            }
        }
        return hit;
    }
}
