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
    /** Counts the changes that may end a region's direct access: mappings and writes to devices other than RAM. */
    private int epoch;

    /** Maps {@code device} at [base, base + size). Earlier mappings win on overlap. */
    public SystemBus map(int base, int size, MemoryPort device) {
        regions.add(new Region(base, size, device));
        lookup = regions.toArray(new Region[0]);
        epoch++;
        return this;
    }

    /**
     * Changes whenever a region listed by {@link #directRegions()} may have stopped allowing direct
     * access (a write to flash or to its controller starts an operation during which reads stall);
     * a bus master holding such a list asks for a new one when this differs from the value it had.
     */
    public int epoch() {
        return epoch;
    }

    /**
     * The regions of {@link DirectMemory} devices that allow direct access now (not hidden by an
     * earlier mapping), to be used while {@link #epoch()} stays the same. A region that does not
     * allow it now may later without the epoch changing: {@link DirectRegions#complete()} says so.
     */
    public DirectRegions directRegions() {
        List<DirectRegion> direct = new ArrayList<>();
        boolean complete = true;
        for (int i = 0; i < lookup.length; i++) {
            Region region = lookup[i];
            if (!(region.device instanceof DirectMemory) || hiddenByEarlierMapping(i)) {
                continue;
            }
            DirectMemory memory = (DirectMemory) region.device;
            byte[] bytes = memory.directBytes();
            if (bytes == null) {
                complete = false;
            } else {
                DirectRegion candidate = new DirectRegion(region.base, region.size, bytes, memory.writesDirectly(),
                        memory.decodeTable());
                if (candidate.size() >= AccessSize.WORD.bytes()) {
                    direct.add(candidate);
                }
            }
        }
        return new DirectRegions(direct.toArray(new DirectRegion[0]), complete, epoch);
    }

    private boolean hiddenByEarlierMapping(int index) {
        Region region = lookup[index];
        long start = region.base & 0xFFFF_FFFFL;
        long end = start + (region.size & 0xFFFF_FFFFL);
        for (int i = 0; i < index; i++) {
            long otherStart = lookup[i].base & 0xFFFF_FFFFL;
            long otherEnd = otherStart + (lookup[i].size & 0xFFFF_FFFFL);
            if (otherStart < end && start < otherEnd) {
                return true;
            }
        }
        return false;
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
        try {
            region.device.write(address - region.base, size, value);
        } finally {
            if (!(region.device instanceof DirectMemory && ((DirectMemory) region.device).writesDirectly())) {
                epoch++;
            }
        }
    }
}
