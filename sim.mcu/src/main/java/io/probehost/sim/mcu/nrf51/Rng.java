package io.probehost.sim.mcu.nrf51;

import io.probehost.sim.mcu.bus.PlainRegisters;
import java.util.SplittableRandom;

/** RNG (0x4000D000): once started, a new VALUE is ready whenever VALRDY is cleared (fixed seed). */
final class Rng extends PlainRegisters {
    private static final int TASKS_START = 0x000;
    private static final int TASKS_STOP = 0x004;
    private static final int EVENTS_VALRDY = 0x100;
    private static final int VALUE = 0x508;

    private SplittableRandom random = new SplittableRandom(0x51822);
    private boolean running;

    @Override
    public void reset() {
        super.reset();
        running = false;
        random = new SplittableRandom(0x51822);
    }

    @Override
    protected void afterWrite(int offset, int value) {
        if (offset == TASKS_START && value != 0) {
            running = true;
            produce();
        } else if (offset == TASKS_STOP && value != 0) {
            running = false;
        } else if (offset == EVENTS_VALRDY && value == 0 && running) {
            produce();
        }
    }

    private void produce() {
        set(VALUE, random.nextInt(256));
        set(EVENTS_VALRDY, 1);
    }
}
