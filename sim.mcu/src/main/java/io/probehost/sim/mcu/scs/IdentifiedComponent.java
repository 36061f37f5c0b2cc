package io.probehost.sim.mcu.scs;

import io.probehost.sim.mcu.bus.WordRegisters;

/**
 * A CoreSight component the ROM table lists but the lab does not model, the Cortex-M3's TPIU and
 * ETM: its ID registers and DEVTYPE answer as on the chip, everything else reads as zero and
 * ignores writes (no trace leaves the lab).
 */
public final class IdentifiedComponent extends WordRegisters {
    public static final int TPIU_BASE = 0xE004_0000;
    public static final int ETM_BASE = 0xE004_1000;
    private static final int DEVTYPE = 0xFCC;
    /** DEVTYPE: trace sink, port (TPIU); trace source, processor (ETM). */
    private static final int DEVTYPE_TPIU = 0x11;
    private static final int DEVTYPE_ETM = 0x13;

    private final CoreSightId id;
    private final int devtype;

    private IdentifiedComponent(CoreSightId id, int devtype) {
        this.id = id;
        this.devtype = devtype;
    }

    public static IdentifiedComponent cortexM3Tpiu() {
        return new IdentifiedComponent(CoreSightId.TPIU_M3, DEVTYPE_TPIU);
    }

    public static IdentifiedComponent cortexM3Etm() {
        return new IdentifiedComponent(CoreSightId.ETM_M3, DEVTYPE_ETM);
    }

    @Override
    protected int readWord(int offset) {
        if (offset == DEVTYPE) {
            return devtype;
        }
        return CoreSightId.covers(offset) ? id.read(offset) : 0;
    }

    @Override
    protected void writeWord(int offset, int value) {
        // nothing to configure
    }
}
