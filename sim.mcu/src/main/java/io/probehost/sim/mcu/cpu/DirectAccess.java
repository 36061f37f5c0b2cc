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

    DirectAccess(MemoryPort bus) {
        this.bus = bus instanceof SystemBus ? (SystemBus) bus : null;
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
        DirectRegions snapshot = bus.directRegions();
        regions = snapshot.regions();
        complete = snapshot.complete();
        epoch = snapshot.epoch();
    }
}
