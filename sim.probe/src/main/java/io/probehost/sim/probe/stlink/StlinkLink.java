package io.probehost.sim.probe.stlink;

import io.probehost.sim.mcu.VirtualClock;
import io.probehost.sim.probe.cmsisdap.LinkStats;

/**
 * The modelled link of one virtual ST-Link: each command costs a USB round trip plus its bytes, and
 * each SWD or JTAG cycle its share of the clock; the time elapses on the target's {@link VirtualClock} as
 * it passes, so the target runs in lockstep with the link (as behind the CMSIS-DAP emulator).
 */
public final class StlinkLink {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final StlinkLinkTiming timing;
    private final VirtualClock clock;
    private long roundTrips;
    private long bytesOut;
    private long bytesIn;
    private long swdBits;
    private long jtagBits;
    private long modelledNanos;
    private long wireRemainder;
    private long remainderHz;

    public StlinkLink(StlinkLinkTiming timing, VirtualClock clock) {
        this.timing = timing;
        this.clock = clock;
    }

    public StlinkLinkTiming timing() {
        return timing;
    }

    public synchronized LinkStats snapshot() {
        return new LinkStats(roundTrips, bytesOut, bytesIn, swdBits, jtagBits, modelledNanos);
    }

    public synchronized void reset() {
        roundTrips = 0;
        bytesOut = 0;
        bytesIn = 0;
        swdBits = 0;
        jtagBits = 0;
        modelledNanos = 0;
        wireRemainder = 0;
    }

    synchronized void command() {
        roundTrips++;
        advance(timing.roundTripNanos());
    }

    synchronized void bytesOut(int n) {
        bytesOut += n;
        advance(n * timing.nanosPerByte());
    }

    synchronized void bytesIn(int n) {
        bytesIn += n;
        advance(n * timing.nanosPerByte());
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

    private void advance(long nanos) {
        if (nanos > 0) {
            modelledNanos += nanos;
            clock.elapse(nanos);
        }
    }
}
