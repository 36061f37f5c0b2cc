package io.probehost.sim.probe.cmsisdap;

/**
 * USB latency charged per request packet (round trip) by transport: a full-speed HID report waits for
 * the next 1 ms frame, a high-speed bulk packet for the next 125 us microframe.
 */
public record LinkTiming(long hidRoundTripNanos, long bulkRoundTripNanos) {
    public static final LinkTiming DEFAULT = new LinkTiming(1_000_000L, 125_000L);

    public LinkTiming {
        if (hidRoundTripNanos < 0 || bulkRoundTripNanos < 0) {
            throw new IllegalArgumentException("negative latency");
        }
    }

    long roundTripNanos(DapTransportKind kind) {
        return kind == DapTransportKind.V1_HID ? hidRoundTripNanos : bulkRoundTripNanos;
    }
}
