package io.probehost.sim.probe.stlink;

/**
 * What one ST-Link packet costs on USB: a round-trip latency per command (the command block, its data
 * phase and its answer are scheduled in the same frame on full speed, 1 ms; in the same 125 us
 * microframe on high speed) plus a time per byte carried in either direction (full-speed bulk moves
 * about 1 MB/s, high-speed about 40 MB/s).
 */
public record StlinkLinkTiming(long roundTripNanos, long nanosPerByte) {
    public static final StlinkLinkTiming FULL_SPEED = new StlinkLinkTiming(1_000_000L, 1_000L);
    public static final StlinkLinkTiming HIGH_SPEED = new StlinkLinkTiming(125_000L, 25L);

    public StlinkLinkTiming {
        if (roundTripNanos < 0 || nanosPerByte < 0) {
            throw new IllegalArgumentException("negative latency");
        }
    }
}
