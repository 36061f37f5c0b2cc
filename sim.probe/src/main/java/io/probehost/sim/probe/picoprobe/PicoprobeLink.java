package io.probehost.sim.probe.picoprobe;

import io.probehost.sim.mcu.VirtualClock;
import io.probehost.sim.probe.cmsisdap.LinkMeter;
import io.probehost.sim.probe.cmsisdap.LinkStats;

/**
 * The modelled link of one virtual Picoprobe, a full-speed USB device: each executed packet costs a
 * round trip (one 1 ms frame), each byte its share of full-speed bulk (about 1 MB/s), and each SWCLK
 * cycle its time at the PIO's clock; the time elapses on the target's {@link VirtualClock}.
 */
public final class PicoprobeLink {
    public static final long FULL_SPEED_ROUND_TRIP_NANOS = 1_000_000L;
    public static final long FULL_SPEED_NANOS_PER_BYTE = 1_000L;

    private final long roundTripNanos;
    private final long nanosPerByte;
    private final LinkMeter meter;

    public PicoprobeLink(long roundTripNanos, long nanosPerByte, VirtualClock clock) {
        if (roundTripNanos < 0 || nanosPerByte < 0) {
            throw new IllegalArgumentException("negative latency");
        }
        this.roundTripNanos = roundTripNanos;
        this.nanosPerByte = nanosPerByte;
        this.meter = new LinkMeter(clock);
    }

    public LinkStats snapshot() {
        return meter.snapshot();
    }

    public void reset() {
        meter.reset();
    }

    void packet() {
        meter.roundTrip(roundTripNanos);
    }

    void bytesOut(int n) {
        meter.bytesOut(n, n * nanosPerByte);
    }

    void bytesIn(int n) {
        meter.bytesIn(n, n * nanosPerByte);
    }

    void swdCycles(long cycles, long clockHz) {
        meter.wireCycles(false, cycles, clockHz);
    }
}
