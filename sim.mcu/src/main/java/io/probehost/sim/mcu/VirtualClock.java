package io.probehost.sim.mcu;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Modelled time of one virtual target, in nanoseconds. The CPU advances it as it executes, and a
 * probe emulator advances it by the modelled duration of each transaction, so that time-based
 * hardware (flash erase, SysTick) sees time pass whether the core runs or a debugger polls.
 */
public final class VirtualClock {
    private final AtomicLong nanos = new AtomicLong();

    public long nowNanos() {
        return nanos.get();
    }

    public void advance(long deltaNanos) {
        if (deltaNanos > 0) {
            nanos.addAndGet(deltaNanos);
        }
    }
}
