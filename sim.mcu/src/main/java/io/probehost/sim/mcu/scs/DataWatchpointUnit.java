package io.probehost.sim.mcu.scs;

import io.probehost.sim.mcu.bus.WordRegisters;
import io.probehost.sim.mcu.cpu.Core;
import io.probehost.sim.mcu.cpu.Profile;

/**
 * The DWT: the Cortex-M0's two comparators for PC match and data address watchpoints and PCSR;
 * the Cortex-M3's four comparators plus CYCCNT, which counts core cycles while DWT_CTRL.CYCCNTENA
 * is set (DEMCR.TRCENA is read when CYCCNT is, not tracked while it changes).
 */
public final class DataWatchpointUnit extends WordRegisters {
    public static final int BASE = 0xE000_1000;
    public static final int NUM_COMP = 2;
    public static final int NUM_COMP_M3 = 4;
    private static final int CYCCNTENA = 1;
    static final int FUNCTION_PC = 4;
    static final int FUNCTION_READ = 5;
    static final int FUNCTION_WRITE = 6;
    static final int FUNCTION_ACCESS = 7;
    private static final int MATCHED = 1 << 24;

    private final Core core;
    private final boolean armv7m;
    private final int numComp;
    private final int[] comp;
    private final int[] mask;
    private final int[] function;
    private final boolean[] matched;
    private boolean cycleCounting;
    /** CYCCNT = core cycles - cycleOrigin while counting, else the value it stopped at. */
    private long cycleOrigin;
    private int stoppedCount;

    public DataWatchpointUnit(Core core) {
        this.core = core;
        this.armv7m = core.profile() == Profile.ARMV7M;
        this.numComp = armv7m ? NUM_COMP_M3 : NUM_COMP;
        this.comp = new int[numComp];
        this.mask = new int[numComp];
        this.function = new int[numComp];
        this.matched = new boolean[numComp];
    }

    public void reset() {
        cycleCounting = false;
        stoppedCount = 0;
        for (int i = 0; i < numComp; i++) {
            comp[i] = 0;
            mask[i] = 0;
            function[i] = 0;
            matched[i] = false;
        }
    }

    @Override
    protected int readWord(int offset) {
        if (offset == 0) {
            return (numComp << 28) | (cycleCounting ? CYCCNTENA : 0);
        }
        if (offset == 4) {
            return armv7m ? cycleCount() : 0;
        }
        if (offset == 0x1C) {
            return core.registers().pc();
        }
        int n = (offset - 0x20) >> 4;
        if (offset >= 0x20 && n < numComp) {
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
        return CoreSightId.covers(offset) ? (armv7m ? CoreSightId.DWT_M3 : CoreSightId.DWT).read(offset) : 0;
    }

    private int cycleCount() {
        return cycleCounting && active() ? (int) (core.cycles() - cycleOrigin) : stoppedCount;
    }

    @Override
    protected void writeWord(int offset, int value) {
        if (armv7m && offset == 0) {
            boolean counting = (value & CYCCNTENA) != 0;
            if (counting != cycleCounting) {
                if (counting) {
                    cycleOrigin = core.cycles() - stoppedCount;
                } else {
                    stoppedCount = cycleCount();
                }
                cycleCounting = counting;
            }
            return;
        }
        if (armv7m && offset == 4) {
            stoppedCount = value;
            cycleOrigin = core.cycles() - (value & 0xFFFF_FFFFL);
            return;
        }
        int n = (offset - 0x20) >> 4;
        if (offset < 0x20 || n >= numComp) {
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
        if (!active()) {
            return false;
        }
        boolean hit = false;
        for (int n = 0; n < numComp; n++) {
            if (function[n] == FUNCTION_PC && (pc & ~ignoredBits(n)) == (comp[n] & ~ignoredBits(n))) {
                matched[n] = true;
                hit = true;
            }
        }
        return hit;
    }

    public boolean dataMatch(int address, int bytes, boolean write) {
        if (!active()) {
            return false;
        }
        boolean hit = false;
        for (int n = 0; n < numComp; n++) {
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
