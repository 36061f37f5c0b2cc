package io.probehost.sim.mcu.scs;

import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.bus.WordRegisters;

/**
 * The ROM table at 0xE00FF000: the Cortex-M0's lists the SCS, DWT and BPU; the Cortex-M3's the
 * SCS, DWT, FPB, ITM, TPIU and ETM (the last two answer with their IDs only: {@link IdentifiedComponent}).
 */
public final class RomTable extends WordRegisters {
    public static final int BASE = 0xE00F_F000;
    /** MEM-AP BASE value: the table address with format (bit 1) and present (bit 0) set. */
    public static final int AP_BASE_VALUE = BASE | 3;
    private static final int[] ENTRIES = {
        entry(SystemControlSpace.BASE), entry(DataWatchpointUnit.BASE), entry(BreakpointUnit.BASE), 0,
    };

    private static final int[] ENTRIES_M3 = {
        entry(SystemControlSpace.BASE), entry(DataWatchpointUnit.BASE), entry(BreakpointUnit.BASE),
        entry(InstrumentationTrace.BASE), entry(IdentifiedComponent.TPIU_BASE), entry(IdentifiedComponent.ETM_BASE), 0,
    };

    private final int[] entries;
    private final CoreSightId id;

    /** The Cortex-M0 ROM table. */
    public RomTable() {
        this(ENTRIES, CoreSightId.ROM_TABLE);
    }

    /** The Cortex-M3 ROM table. */
    public static RomTable cortexM3() {
        return new RomTable(ENTRIES_M3, CoreSightId.ROM_TABLE_M3);
    }

    private RomTable(int[] entries, CoreSightId id) {
        this.entries = entries;
        this.id = id;
    }

    private static int entry(int componentBase) {
        return (componentBase - BASE) | 3; // offset, 32-bit format, present
    }

    @Override
    protected int readWord(int offset) {
        if (offset < entries.length * 4) {
            return entries[offset / 4];
        }
        if (offset == 0xFCC) {
            return 1; // MEMTYPE.SYSMEM: the system memory is visible on this bus
        }
        return CoreSightId.covers(offset) ? id.read(offset) : 0;
    }

    @Override
    protected void writeWord(int offset, int value) throws BusFault {
        // read-only: writes are ignored
    }
}
