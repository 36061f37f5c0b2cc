package io.probehost.sim.mcu.bus;

/**
 * A snapshot of {@link SystemBus#directRegions()}: the regions, whether every direct-capable device
 * was included, and the bus epoch it was taken at.
 */
public record DirectRegions(DirectRegion[] regions, boolean complete, int epoch) {
}
