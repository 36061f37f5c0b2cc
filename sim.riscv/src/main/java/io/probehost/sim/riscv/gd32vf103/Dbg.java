package io.probehost.sim.riscv.gd32vf103;

import io.probehost.sim.mcu.bus.WordRegisters;

/**
 * DBG at 0xE0042000, where OpenOCD's stm32f1x driver reads it: DBG_ID (REV_ID 0x1906, DEV_ID 0x410),
 * DBG_CTL (reset 0; power-on reset only), and the undocumented system reset: writing 0x4B5A6978 to
 * +0x0C arms it, then writing 1 to +0x08 resets the system.
 */
final class Dbg extends WordRegisters {
    static final int BASE = 0xE004_2000;
    static final int ID_VALUE = 0x1906_0410;
    static final int RESET_KEY = 0x4B5A_6978;
    private static final int ID = 0x0;
    private static final int CTL = 0x4;
    private static final int RESET = 0x8;
    private static final int RESET_ARM = 0xC;
    /** SLP/DSLP/STB_HOLD, FWDGT/WWDGT_HOLD, TIMER0-3, CAN0, I2C0/1, TIMER4-6, CAN1 (SVD). */
    private static final int CTL_MASK = 0x003F_FF07;

    private final Runnable systemReset;
    private int ctl;
    private boolean armed;

    Dbg(Runnable systemReset) {
        this.systemReset = systemReset;
    }

    @Override
    protected int readWord(int offset) {
        return switch (offset) {
            case ID -> ID_VALUE;
            case CTL -> ctl;
            default -> 0;
        };
    }

    @Override
    protected void writeWord(int offset, int value) {
        switch (offset) {
            case CTL -> ctl = value & CTL_MASK;
            case RESET_ARM -> armed = value == RESET_KEY;
            case RESET -> {
                if (armed && (value & 1) != 0) {
                    armed = false;
                    systemReset.run();
                }
            }
            default -> { }
        }
    }
}
