package io.probehost.sim.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.probehost.sim.probe.cmsisdap.FaultInjector;
import io.probehost.sim.probe.cmsisdap.LinkStats;
import io.probehost.sim.probe.usb.VirtualUsbDevice;

/**
 * A virtual probe as the lab sees it, whatever its kind: the device it plugs into the virtual USB
 * bus (none for a probe its driver reaches through a native library) and its link model's counters,
 * given by the kind's emulator, and what the kind adds (fault injection on its answers, the ways
 * {@code probe:bench} moves memory through it with their floors).
 */
abstract class LabProbe implements AutoCloseable {
    private final VirtualUsbDevice device;
    private final BooleanSupplier plugged;
    private final Supplier<LinkStats> linkStats;
    private final Runnable resetLink;
    private final Runnable close;

    /**
     * @param device    the device on the virtual USB bus, or null when the probe is not on it
     * @param plugged   whether the device is plugged into a bus
     * @param linkStats the link model's counters since creation or the last {@code resetLink}
     * @param resetLink zeroes them
     * @param close     unplugs the device for good
     */
    LabProbe(VirtualUsbDevice device, BooleanSupplier plugged, Supplier<LinkStats> linkStats, Runnable resetLink,
            Runnable close) {
        this.device = device;
        this.plugged = plugged;
        this.linkStats = linkStats;
        this.resetLink = resetLink;
        this.close = close;
    }

    /** The device on the virtual USB bus; empty for a probe reached otherwise. */
    final Optional<VirtualUsbDevice> usbDevice() {
        return Optional.ofNullable(device);
    }

    /** How the probe is attached, for {@code lab:list}: plugged or unplugged by default. */
    String attachment() {
        return isPlugged() ? "plugged" : "unplugged";
    }

    final boolean isPlugged() {
        return plugged.getAsBoolean();
    }

    final LinkStats linkStats() {
        return linkStats.get();
    }

    final void resetLink() {
        resetLink.run();
    }

    /** Garbled, truncated or missing answers, for kinds whose emulator injects them; none by default. */
    Optional<FaultInjector> faults() {
        return Optional.empty();
    }

    /** The fastest SWD clock the probe runs; a faster request is capped to it. */
    abstract long maxSwdClockHz();

    /** The transports {@code probe:bench} measures, fastest first. */
    abstract List<BenchTransport> benchTransports();

    @Override
    public final void close() {
        close.run();
    }
}
