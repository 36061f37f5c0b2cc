package io.probehost.sim.mcu.nrf51;

import io.probehost.sim.mcu.bus.PlainRegisters;
import java.util.Map;

/** POWER and CLOCK (peripheral 0, 0x40000000): clock start tasks complete at once. */
final class ClockPower extends PlainRegisters {
    private static final int TASKS_HFCLKSTART = 0x000;
    private static final int TASKS_HFCLKSTOP = 0x004;
    private static final int TASKS_LFCLKSTART = 0x008;
    private static final int TASKS_LFCLKSTOP = 0x00C;
    private static final int EVENTS_HFCLKSTARTED = 0x100;
    private static final int EVENTS_LFCLKSTARTED = 0x104;
    private static final int HFCLKSTAT = 0x40C;
    private static final int LFCLKSTAT = 0x418;
    private static final int LFCLKSRC = 0x518;
    private static final int RAMON = 0x524;
    private static final int RAMONB = 0x554;

    ClockPower() {
        super(Map.of(RAMON, 3, RAMONB, 3));
    }

    @Override
    protected void afterWrite(int offset, int value) {
        if ((value & 1) == 0) {
            return;
        }
        switch (offset) {
            case TASKS_HFCLKSTART:
                set(EVENTS_HFCLKSTARTED, 1);
                set(HFCLKSTAT, 0x0001_0001); // running, from the crystal
                break;
            case TASKS_HFCLKSTOP:
                set(HFCLKSTAT, 0);
                break;
            case TASKS_LFCLKSTART:
                set(EVENTS_LFCLKSTARTED, 1);
                set(LFCLKSTAT, 0x0001_0000 | (get(LFCLKSRC) & 3));
                break;
            case TASKS_LFCLKSTOP:
                set(LFCLKSTAT, 0);
                break;
            default:
                break;
        }
    }
}
