package io.probehost.sim.mcu.bus;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.MemoryPort;
import java.util.ArrayList;
import java.util.List;

/**
 * An address decoder: devices mapped at base addresses, each seeing offsets from its base.
 * Unmapped addresses answer {@link BusFault}. Not synchronised; the owner serialises accesses.
 */
public final class SystemBus implements MemoryPort {
    private static final class Region {
        final int base;
        final int size;
        final MemoryPort device;

        Region(int base, int size, MemoryPort device) {
            this.base = base;
            this.size = size;
            this.device = device;
        }

        boolean contains(int address) {
            return Integer.compareUnsigned(address - base, size) < 0;
        }
    }

    private final List<Region> regions = new ArrayList<>();
    /** Mapped regions in mapping order, for the lookup on every access. */
    private Region[] lookup = new Region[0];

    /** Maps {@code device} at [base, base + size). Earlier mappings win on overlap. */
    public SystemBus map(int base, int size, MemoryPort device) {
        regions.add(new Region(base, size, device));
        lookup = regions.toArray(new Region[0]);
        return this;
    }

    private Region find(int address, AccessSize size) throws BusFault {
        for (Region region : lookup) {
            if (region.contains(address)) {
                if (!region.contains(address + size.bytes() - 1)) {
                    throw new BusFault(address, "access crosses the end of a region");
                }
                return region;
            }
        }
        throw new BusFault(address, "nothing mapped");
    }

    @Override
    public int read(int address, AccessSize size) throws BusFault {
        Region region = find(address, size);
        return region.device.read(address - region.base, size);
    }

    @Override
    public void write(int address, AccessSize size, int value) throws BusFault {
        Region region = find(address, size);
        region.device.write(address - region.base, size, value);
    }
}
