package io.probehost.sim.mcu.scs;

import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.bus.WordRegisters;

/** The Cortex-M0 ROM table at 0xE00FF000 listing the SCS, DWT and BPU. */
public final class RomTable extends WordRegisters {
    public static final int BASE = 0xE00F_F000;
    /** MEM-AP BASE value: the table address with format (bit 1) and present (bit 0) set. */
    public static final int AP_BASE_VALUE = BASE | 3;
    private static final int[] ENTRIES = {
        entry(SystemControlSpace.BASE), entry(DataWatchpointUnit.BASE), entry(BreakpointUnit.BASE), 0,
    };

    private static int entry(int componentBase) {
        return (componentBase - BASE) | 3; // offset, 32-bit format, present
    }

    @Override
    protected int readWord(int offset) {
        if (offset < ENTRIES.length * 4) {
            return ENTRIES[offset / 4];
        }
        if (offset == 0xFCC) {
            return 1; // MEMTYPE.SYSMEM: the system memory is visible on this bus
        }
        return CoreSightId.covers(offset) ? CoreSightId.ROM_TABLE.read(offset) : 0;
    }

    @Override
    protected void writeWord(int offset, int value) throws BusFault {
        // read-only: writes are ignored
    }
}
