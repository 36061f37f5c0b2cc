package io.probehost.arch.arm.internal;

import java.util.ArrayList;
import java.util.List;

import io.probehost.api.TargetException;
import io.probehost.api.debug.MemoryInterface;
import io.probehost.api.debug.Watchpoint;
import io.probehost.api.debug.WatchpointControl;
import io.probehost.api.debug.WatchpointKind;

/**
 * Data watchpoints in the DWT comparators. DWT v1 (ARMv6-M/v7-M) watches a power-of-two sized,
 * aligned range through MASK; DWT v2 (ARMv8-M) watches 1, 2 or 4 aligned bytes through DATAVSIZE.
 */
public final class DwtWatchpoints implements WatchpointControl {
    private final MemoryInterface memory;
    private final long base;
    private final boolean version2;
    private final Watchpoint[] comparators;

    DwtWatchpoints(MemoryInterface memory, long base, boolean version2) {
        this.memory = memory;
        this.base = base;
        this.version2 = version2;
        int demcr = memory.read32(Scs.DEMCR);
        if ((demcr & Scs.DEMCR_TRCENA) == 0) {
            memory.write32(Scs.DEMCR, demcr | Scs.DEMCR_TRCENA);
        }
        this.comparators = new Watchpoint[memory.read32(base) >>> 28];
    }

    @Override
    public int watchpointCount() {
        return comparators.length;
    }

    @Override
    public Watchpoint addWatchpoint(long address, int size, WatchpointKind kind) {
        for (Watchpoint existing : comparators) {
            if (existing != null && existing.address() == address && existing.size() == size && existing.kind() == kind) {
                return existing;
            }
        }
        checkShape(address, size);
        int n = freeComparator(address);
        DwtMatch match = DwtMatch.of(kind);
        if (version2) {
            int datavsize = Integer.numberOfTrailingZeros(size);
            memory.write32(comparatorRegister(n), (int) address);
            memory.write32(functionRegister(n), datavsize << 10 | DwtMatch.V2_ACTION_DEBUG_EVENT | match.v2Match);
        } else {
            int mask = Integer.numberOfTrailingZeros(size);
            memory.write32(maskRegister(n), mask);
            int accepted = memory.read32(maskRegister(n));
            if (accepted != mask) {
                memory.write32(maskRegister(n), 0);
                memory.flush();
                throw new TargetException(String.format("watchpoint at 0x%08X: this DWT cannot watch %d bytes "
                        + "(MASK %d read back as %d)", address, size, mask, accepted));
            }
            memory.write32(comparatorRegister(n), (int) address);
            memory.write32(functionRegister(n), match.v1Function);
        }
        memory.flush();
        Watchpoint watchpoint = new Watchpoint(address, size, kind);
        comparators[n] = watchpoint;
        return watchpoint;
    }

    private void checkShape(long address, int size) {
        if (address < 0 || address > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(String.format("watchpoint address 0x%X is not a 32-bit address", address));
        }
        boolean powerOfTwo = size > 0 && Integer.bitCount(size) == 1;
        if (!powerOfTwo || (version2 && size > 4)) {
            throw new TargetException(String.format("watchpoint at 0x%08X: size %d is not %s", address, size,
                    version2 ? "1, 2 or 4 bytes" : "a power of two"));
        }
        if ((address & (size - 1)) != 0) {
            throw new TargetException(String.format("watchpoint at 0x%08X: address is not aligned to its size %d",
                    address, size));
        }
    }

    private int freeComparator(long address) {
        for (int n = 0; n < comparators.length; n++) {
            if (comparators[n] == null) {
                return n;
            }
        }
        throw new TargetException(String.format("watchpoint at 0x%08X: all %d DWT comparators are in use",
                address, comparators.length));
    }

    @Override
    public boolean removeWatchpoint(long address) {
        for (int n = 0; n < comparators.length; n++) {
            if (comparators[n] != null && comparators[n].address() == address) {
                memory.write32(functionRegister(n), 0);
                memory.flush();
                comparators[n] = null;
                return true;
            }
        }
        return false;
    }

    @Override
    public List<Watchpoint> watchpoints() {
        List<Watchpoint> set = new ArrayList<>();
        for (Watchpoint watchpoint : comparators) {
            if (watchpoint != null) {
                set.add(watchpoint);
            }
        }
        return List.copyOf(set);
    }

    @Override
    public void removeAllWatchpoints() {
        for (Watchpoint watchpoint : watchpoints()) {
            removeWatchpoint(watchpoint.address());
        }
    }

    private long comparatorRegister(int n) {
        return base + 0x20 + 16L * n;
    }

    private long maskRegister(int n) {
        return base + 0x24 + 16L * n;
    }

    private long functionRegister(int n) {
        return base + 0x28 + 16L * n;
    }
}
