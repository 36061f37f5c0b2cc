package io.probehost.sim.mcu.stm32f1;

import io.probehost.sim.mcu.bus.PlainRegisters;
import java.util.Map;

/**
 * Reset and clock control at 0x40021000, enough for start-up code that sets up its clocks:
 * HSEON, PLLON and HSION are acknowledged at once by their RDY bits, CFGR.SWS follows CFGR.SW,
 * and the other registers keep what is written. The core's speed does not follow the clock tree.
 */
final class Rcc extends PlainRegisters {
    static final int BASE = 0x4002_1000;
    static final int CR = 0x00;
    static final int CFGR = 0x04;
    private static final int CR_HSION = 1;
    private static final int CR_HSEON = 1 << 16;
    private static final int CR_PLLON = 1 << 24;
    /** HSION, HSIRDY, HSITRIM = 16. */
    private static final int CR_RESET = 0x0000_0083;

    Rcc() {
        super(Map.of(CR, CR_RESET, 0x14, 0x14, 0x24, 0x0C00_0000));
    }

    @Override
    protected void afterWrite(int offset, int value) {
        if (offset == CR) {
            int ready = (value & CR_HSION) << 1 | (value & CR_HSEON) << 1 | (value & CR_PLLON) << 1;
            int readyMask = CR_HSION << 1 | CR_HSEON << 1 | CR_PLLON << 1;
            set(CR, (value & ~readyMask) | ready);
        } else if (offset == CFGR) {
            set(CFGR, (value & ~0xC) | (value & 3) << 2);
        }
    }
}
