package io.probehost.sim.probe.cmsisdap;

import io.probehost.sim.mcu.VirtualClock;

/**
 * The counters and modelled time of one virtual probe's link, whatever the probe: round trips, bytes
 * and wire cycles, each stretch of modelled time elapsing on the target's {@link VirtualClock} as it
 * passes, so the target runs in lockstep with the link. The probe's own link model decides what each
 * step costs. Thread-safe.
 */
public final class LinkMeter {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final VirtualClock clock;
    private long roundTrips;
    private long bytesOut;
    private long bytesIn;
    private long swdBits;
    private long jtagBits;
    private long modelledNanos;
    private long wireRemainder;
    private long remainderHz;

    public LinkMeter(VirtualClock clock) {
        this.clock = clock;
    }

    public synchronized LinkStats snapshot() {
        return new LinkStats(roundTrips, bytesOut, bytesIn, swdBits, jtagBits, modelledNanos);
    }

    /** Zeroes the counters (the target's clock keeps its time). */
    public synchronized void reset() {
        roundTrips = 0;
        bytesOut = 0;
        bytesIn = 0;
        swdBits = 0;
        jtagBits = 0;
        modelledNanos = 0;
        wireRemainder = 0;
    }

    /** Counts one USB round trip that takes {@code nanos}. */
    public synchronized void roundTrip(long nanos) {
        roundTrips++;
        advance(nanos);
    }

    /** Counts {@code n} bytes the host sent, taking {@code nanos}. */
    public synchronized void bytesOut(int n, long nanos) {
        bytesOut += n;
        advance(nanos);
    }

    /** Counts {@code n} bytes the host read, taking {@code nanos}. */
    public synchronized void bytesIn(int n, long nanos) {
        bytesIn += n;
        advance(nanos);
    }

    /**
     * Counts {@code cycles} SWD or JTAG clock cycles at {@code clockHz}; their time elapses in whole
     * nanoseconds, the remainder carried to the next call at the same clock.
     */
    public synchronized void wireCycles(boolean jtag, long cycles, long clockHz) {
        if (cycles <= 0) {
            return;
        }
        if (jtag) {
            jtagBits += cycles;
        } else {
            swdBits += cycles;
        }
        if (clockHz != remainderHz) {
            remainderHz = clockHz;
            wireRemainder = 0;
        }
        wireRemainder += cycles * NANOS_PER_SECOND;
        long nanos = wireRemainder / clockHz;
        wireRemainder %= clockHz;
        advance(nanos);
    }

    /** Lets {@code nanos} of link time pass with nothing on the wire. */
    public synchronized void idle(long nanos) {
        advance(nanos);
    }

    /** The target's time now. */
    public long targetNanos() {
        return clock.nowNanos();
    }

    private void advance(long nanos) {
        if (nanos > 0) {
            modelledNanos += nanos;
            clock.elapse(nanos);
        }
    }
}
