package io.probehost.sim.mcu;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Modelled time of one virtual target, in nanoseconds. The CPU advances it by the cycles it executes
 * ({@link #advance}); the world outside the chip, such as a probe's link model, lets time pass with
 * {@link #elapse}, which runs the target through that time in lockstep when a pacer (the CPU's
 * runner) is installed, so that time-based hardware (flash erase, timers) and the core's progress
 * are both measured on the same clock as the link.
 */
public final class VirtualClock {
    private final AtomicLong nanos = new AtomicLong();
    private volatile LongConsumer pacer;

    public long nowNanos() {
        return nanos.get();
    }

    /** Moves time on by {@code deltaNanos} without running anything (the CPU's own cycles, or a test). */
    public void advance(long deltaNanos) {
        if (deltaNanos > 0) {
            nanos.addAndGet(deltaNanos);
        }
    }

    /** Moves time on to {@code nanos} if it is later than now. */
    public void advanceTo(long targetNanos) {
        nanos.accumulateAndGet(targetNanos, Math::max);
    }

    /**
     * The outside world spends {@code deltaNanos} (a USB round trip, wire bits): the target executes
     * meanwhile, up to the new time, before this returns. Without a pacer only the time moves.
     */
    public void elapse(long deltaNanos) {
        if (deltaNanos <= 0) {
            return;
        }
        LongConsumer current = pacer;
        if (current == null) {
            advance(deltaNanos);
        } else {
            current.accept(deltaNanos);
        }
    }

    /** Installs what runs the target through elapsed time (null: none). */
    public void setPacer(LongConsumer pacer) {
        this.pacer = pacer;
    }
}
