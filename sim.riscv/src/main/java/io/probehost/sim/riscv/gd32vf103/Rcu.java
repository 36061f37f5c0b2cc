package io.probehost.sim.riscv.gd32vf103;

import io.probehost.sim.mcu.bus.PlainRegisters;
import java.util.Map;

/**
 * Reset and clock unit at 0x40021000, enough for start-up code that switches to the PLL:
 * RCU_CTL's IRC8MEN, HXTALEN, PLLEN, PLL1EN and PLL2EN are acknowledged at once by their STB bits,
 * RCU_CFG0.SCSS follows SCS; the other registers keep what is written. The core's speed stays
 * 108 MHz whatever the clock tree says.
 */
final class Rcu extends PlainRegisters {
    static final int BASE = 0x4002_1000;
    static final int CTL = 0x00;
    static final int CFG0 = 0x04;
    /** IRC8MEN (0), HXTALEN (16), PLLEN (24), PLL1EN (26), PLL2EN (28): each stable bit is the next one up. */
    private static final int ENABLES = 1 | 1 << 16 | 1 << 24 | 1 << 26 | 1 << 28;
    /** IRC8MEN, IRC8MSTB, IRC8MADJ = 0x10. */
    private static final int CTL_RESET = 0x0000_0083;

    Rcu() {
        super(Map.of(CTL, CTL_RESET));
    }

    @Override
    protected void afterWrite(int offset, int value) {
        if (offset == CTL) {
            set(CTL, (value & ~(ENABLES << 1)) | (value & ENABLES) << 1);
        } else if (offset == CFG0) {
            set(CFG0, (value & ~0xC) | (value & 3) << 2);
        }
    }
}
