package io.probehost.arch.riscv.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.probehost.api.TargetException;
import io.probehost.api.debug.Watchpoint;
import io.probehost.api.debug.WatchpointControl;
import io.probehost.api.debug.WatchpointKind;

/**
 * Watchpoints as load/store triggers ({@code mcontrol}, riscv-debug.md §5.9): a range of a power of two
 * bytes aligned to its size matches NAPOT ({@code tdata2} = address | (size / 2 - 1)); a trigger that
 * does not keep NAPOT, or another range, matches its first address.
 */
final class RiscvWatchpoints implements WatchpointControl {
    private final Triggers triggers;
    private final Map<Long, Integer> triggerOf = new LinkedHashMap<>();
    private final Map<Long, Watchpoint> set = new LinkedHashMap<>();

    RiscvWatchpoints(Triggers triggers) {
        this.triggers = triggers;
    }

    @Override
    public int watchpointCount() {
        return triggers.count();
    }

    @Override
    public synchronized Watchpoint addWatchpoint(long address, int size, WatchpointKind kind) {
        if (size < 1) {
            throw new IllegalArgumentException("a watchpoint covers at least one byte, not " + size);
        }
        Watchpoint existing = set.get(address);
        if (existing != null && existing.size() == size && existing.kind() == kind) {
            return existing;
        }
        if (existing != null) {
            removeWatchpoint(address);
        }
        long kinds = switch (kind) {
            case READ -> Triggers.LOAD;
            case WRITE -> Triggers.STORE;
            case ACCESS -> Triggers.LOAD | Triggers.STORE;
        };
        int trigger = -1;
        boolean napot = size > 1 && Integer.bitCount(size) == 1 && address % size == 0;
        if (napot) {
            trigger = triggers.take(triggers.control(kinds, 1), address | (size / 2 - 1));
        }
        if (trigger < 0) {
            trigger = triggers.take(triggers.control(kinds, 0), address);
        }
        if (trigger < 0) {
            throw new TargetException(String.format("no free trigger for a watchpoint at 0x%08X (%d in all)", address,
                    triggers.count()));
        }
        Watchpoint watchpoint = new Watchpoint(address, size, kind);
        triggerOf.put(address, trigger);
        set.put(address, watchpoint);
        return watchpoint;
    }

    @Override
    public synchronized boolean removeWatchpoint(long address) {
        Integer trigger = triggerOf.remove(address);
        if (trigger == null) {
            return false;
        }
        set.remove(address);
        triggers.release(trigger);
        return true;
    }

    @Override
    public synchronized List<Watchpoint> watchpoints() {
        return List.copyOf(set.values());
    }

    @Override
    public synchronized void removeAllWatchpoints() {
        for (Long address : new ArrayList<>(set.keySet())) {
            removeWatchpoint(address);
        }
    }
}
