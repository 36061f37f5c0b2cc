package io.probehost.sim.internal;

import java.util.List;
import java.util.Optional;

import io.probehost.sim.probe.cmsisdap.FaultInjector;
import io.probehost.sim.probe.cmsisdap.LinkStats;
import io.probehost.sim.probe.usb.VirtualUsbDevice;

/**
 * A virtual probe as the lab sees it, whatever its kind: the device it plugs into the virtual USB
 * bus, its link model's counters, and what its kind adds (fault injection on its answers, the ways
 * {@code probe:bench} moves memory through it with their floors).
 */
interface LabProbe extends AutoCloseable {

    VirtualUsbDevice device();

    boolean isPlugged();

    /** The link model's counters since creation or the last {@link #resetLink()}. */
    LinkStats linkStats();

    void resetLink();

    /** Garbled, truncated or missing answers, for kinds whose emulator injects them. */
    Optional<FaultInjector> faults();

    /** The fastest SWD clock the probe runs; a faster request is capped to it. */
    long maxSwdClockHz();

    /** The transports {@code probe:bench} measures, fastest first. */
    List<BenchTransport> benchTransports();

    @Override
    void close();
}
