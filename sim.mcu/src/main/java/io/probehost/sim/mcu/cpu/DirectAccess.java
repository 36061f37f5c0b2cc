package io.probehost.sim.mcu.cpu;

import io.probehost.sim.mcu.MemoryPort;
import io.probehost.sim.mcu.bus.DirectRegion;
import io.probehost.sim.mcu.bus.DirectRegions;
import io.probehost.sim.mcu.bus.SystemBus;

/**
 * The core's shortcut past the bus dispatch: the SRAM and flash regions of a {@link SystemBus} that
 * are plain arrays now, looked up in a short list kept until the bus epoch changes. Peripherals,
 * bit-band aliases, flash writes and flash during an operation are not listed and take the bus.
 */
final class DirectAccess {
    private static final DirectRegion[] NONE = new DirectRegion[0];

    private final SystemBus bus;
    private DirectRegion[] regions = NONE;
    /** The bus epoch {@link #regions} were taken at; none yet. */
    private int epoch = -1;
    private boolean complete;
    /** The region {@link #forFetch} found last, valid while {@link #epoch} is the bus epoch. */
    private DirectRegion lastFetched;
    /** Brings the virtual clock up to date before the bus is asked (a flash operation ends in time). */
    private final Runnable syncClock;

    DirectAccess(MemoryPort bus, Runnable syncClock) {
        this.bus = bus instanceof SystemBus ? (SystemBus) bus : null;
        this.syncClock = syncClock;
    }

    /**
     * The region to fetch {@code bytes} at {@code address} from, or null to go through the bus:
     * as {@link #forRead}, trying the region of the previous fetch first (listed regions never overlap).
     */
    DirectRegion forFetch(int address, int bytes) {
        DirectRegion last = lastFetched;
        if (last != null && (bus == null || bus.epoch() == epoch) && last.covers(address, bytes)) {
            return last;
        }
        DirectRegion region = forRead(address, bytes);
        lastFetched = region;
        return region;
    }

    /** The region to load {@code bytes} at {@code address} from, or null to go through the bus. */
    DirectRegion forRead(int address, int bytes) {
        DirectRegion region = find(address, bytes);
        if (region == null && !complete && bus != null) {
            refresh();
            region = find(address, bytes);
        }
        return region;
    }

    /** The region to store {@code bytes} at {@code address} into (RAM only), or null to go through the bus. */
    DirectRegion forWrite(int address, int bytes) {
        DirectRegion region = find(address, bytes);
        return region != null && region.writable() ? region : null;
    }

    private DirectRegion find(int address, int bytes) {
        if (bus != null && bus.epoch() != epoch) {
            refresh();
        }
        for (DirectRegion region : regions) {
            if (region.covers(address, bytes)) {
                return region;
            }
        }
        return null;
    }

    private void refresh() {
        syncClock.run();
        DirectRegions snapshot = bus.directRegions();
        regions = snapshot.regions();
        lastFetched = null;
        complete = snapshot.complete();
        epoch = snapshot.epoch();
    }
}
