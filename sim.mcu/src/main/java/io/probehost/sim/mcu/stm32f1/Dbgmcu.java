package io.probehost.sim.mcu.stm32f1;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.MemoryPort;
import io.probehost.sim.mcu.bus.WordRegisters;

/**
 * DBGMCU at 0xE0042000: IDCODE (DEV_ID 0x410 medium density, REV_ID 0x2000 = revision B, bits
 * 15:12 reading 0x6 as on real parts) and CR, which only a power-on reset clears. As the F1
 * erratum describes, only the debugger reads the real values: the core's view ({@link #coreView})
 * reads both registers as 0 (its writes take effect).
 */
final class Dbgmcu extends WordRegisters {
    static final int BASE = 0xE004_2000;
    static final int IDCODE_VALUE = 0x2000_6410;
    private static final int IDCODE = 0x0;
    private static final int CR = 0x4;
    /** DBG_SLEEP..DBG_STANDBY, TRACE_IOEN, TRACE_MODE and the peripheral stop bits 8-21. */
    private static final int CR_MASK = 0x003F_FFE7;

    private int cr;

    @Override
    protected int readWord(int offset) {
        switch (offset) {
            case IDCODE: return IDCODE_VALUE;
            case CR: return cr;
            default: return 0;
        }
    }

    @Override
    protected void writeWord(int offset, int value) {
        if (offset == CR) {
            cr = value & CR_MASK;
        }
    }

    /** What the core sees: reads 0, writes go to the registers. */
    MemoryPort coreView() {
        return new MemoryPort() {
            @Override
            public int read(int offset, AccessSize size) {
                return 0;
            }

            @Override
            public void write(int offset, AccessSize size, int value) throws BusFault {
                Dbgmcu.this.write(offset, size, value);
            }
        };
    }
}
