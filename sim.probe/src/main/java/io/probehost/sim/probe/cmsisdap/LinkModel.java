package io.probehost.sim.probe.cmsisdap;

import io.probehost.sim.mcu.VirtualClock;

/**
 * The modelled link of one virtual probe: counts packets, bytes and wire cycles, and turns them into
 * modelled time, which it lets elapse on the target's {@link VirtualClock} as it passes (latency when
 * a request starts executing, wire time after each transaction). The target runs in lockstep with it:
 * a running core executes the cycles that fit into each stretch before the next transaction is served,
 * so a flash algorithm takes its modelled time as the link sees it, and the link's modelled time is
 * the whole job's, the target's execution included. Bytes are counted, not charged (the round trip
 * covers them).
 */
public final class LinkModel {
    private final LinkTiming timing;
    private final LinkMeter meter;

    public LinkModel(LinkTiming timing, VirtualClock clock) {
        this.timing = timing;
        this.meter = new LinkMeter(clock);
    }

    public LinkTiming timing() {
        return timing;
    }

    public LinkStats snapshot() {
        return meter.snapshot();
    }

    /** Zeroes the counters (the target's clock keeps its time). */
    public void reset() {
        meter.reset();
    }

    void roundTrip(DapTransportKind kind) {
        meter.roundTrip(timing.roundTripNanos(kind));
    }

    void bytesOut(int n) {
        meter.bytesOut(n, 0);
    }

    void bytesIn(int n) {
        meter.bytesIn(n, 0);
    }

    void wireCycles(boolean jtag, long cycles, long clockHz) {
        meter.wireCycles(jtag, cycles, clockHz);
    }

    void idle(long nanos) {
        meter.idle(nanos);
    }

    long targetNanos() {
        return meter.targetNanos();
    }
}
