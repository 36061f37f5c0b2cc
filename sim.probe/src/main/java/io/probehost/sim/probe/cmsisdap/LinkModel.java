package io.probehost.sim.probe.cmsisdap;

import io.probehost.sim.mcu.VirtualClock;

/**
 * The modelled link of one virtual probe: counts packets, bytes and wire cycles, and turns them into
 * modelled time, which it lets elapse on the target's {@link VirtualClock} as it passes (latency when
 * a request starts executing, wire time after each transaction). The target runs in lockstep with it:
 * a running core executes the cycles that fit into each stretch before the next transaction is served,
 * so a flash algorithm takes its modelled time as the link sees it, and the link's modelled time is
 * the whole job's, the target's execution included.
 */
public final class LinkModel {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final LinkTiming timing;
    private final VirtualClock clock;
    private long roundTrips;
    private long bytesOut;
    private long bytesIn;
    private long swdBits;
    private long jtagBits;
    private long modelledNanos;
    private long wireRemainder;
    private long remainderHz;

    public LinkModel(LinkTiming timing, VirtualClock clock) {
        this.timing = timing;
        this.clock = clock;
    }

    public LinkTiming timing() {
        return timing;
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

    synchronized void roundTrip(DapTransportKind kind) {
        roundTrips++;
        advance(timing.roundTripNanos(kind));
    }

    synchronized void bytesOut(int n) {
        bytesOut += n;
    }

    synchronized void bytesIn(int n) {
        bytesIn += n;
    }

    synchronized void wireCycles(boolean jtag, long cycles, long clockHz) {
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

    synchronized void idle(long nanos) {
        advance(nanos);
    }

    long targetNanos() {
        return clock.nowNanos();
    }

    private void advance(long nanos) {
        if (nanos > 0) {
            modelledNanos += nanos;
            clock.elapse(nanos);
        }
    }
}
