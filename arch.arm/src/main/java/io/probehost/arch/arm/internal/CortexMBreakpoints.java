package io.probehost.arch.arm.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.probehost.api.TargetException;
import io.probehost.api.debug.Breakpoint;
import io.probehost.api.debug.BreakpointControl;
import io.probehost.api.debug.BreakpointKind;
import io.probehost.api.debug.MemoryInterface;

/** Hardware breakpoints in the FPB/BPU and software BKPT breakpoints in RAM. */
public final class CortexMBreakpoints implements BreakpointControl, CortexMCore.BreakpointLifter {
    /** Thumb {@code BKPT #0}. */
    static final int BKPT_INSTRUCTION = 0xBE00;

    private final MemoryInterface memory;
    private final FlashPatchUnit fpb;
    private final boolean invalidateICache;
    private final Long[] comparators;
    private final Map<Long, Integer> savedInstructions = new HashMap<>();

    CortexMBreakpoints(MemoryInterface memory, FlashPatchUnit fpb, boolean invalidateICache) {
        this.memory = memory;
        this.fpb = fpb;
        this.invalidateICache = invalidateICache;
        this.comparators = new Long[fpb.comparatorCount()];
        fpb.enable();
    }

    @Override
    public int hardwareBreakpointCount() {
        return comparators.length;
    }

    @Override
    public int freeHardwareBreakpoints() {
        int free = 0;
        for (Long used : comparators) {
            free += used == null ? 1 : 0;
        }
        return free;
    }

    @Override
    public Breakpoint addBreakpoint(long requested, BreakpointKind kind) {
        long address = instructionAddress(requested);
        for (Breakpoint existing : breakpoints()) {
            if (existing.address() == address) {
                return existing;
            }
        }
        BreakpointKind placed = kind;
        if (kind == BreakpointKind.AUTO) {
            placed = fpb.covers(address) && freeHardwareBreakpoints() > 0 ? BreakpointKind.HARDWARE
                    : BreakpointKind.SOFTWARE;
        }
        if (placed == BreakpointKind.HARDWARE) {
            addHardware(address);
        } else {
            addSoftware(address);
        }
        return new Breakpoint(address, placed);
    }

    private void addHardware(long address) {
        if (!fpb.covers(address)) {
            throw new TargetException(String.format("hardware breakpoint at 0x%08X: the breakpoint unit covers %s",
                    address, fpb.coverage()));
        }
        for (int n = 0; n < comparators.length; n++) {
            if (comparators[n] == null) {
                fpb.set(n, address);
                comparators[n] = address;
                return;
            }
        }
        throw new TargetException(String.format("hardware breakpoint at 0x%08X: all %d comparators are in use",
                address, comparators.length));
    }

    private void addSoftware(long address) {
        int original = memory.read16(address);
        insertBkpt(address);
        if (memory.read16(address) != BKPT_INSTRUCTION) {
            memory.write16(address, original);
            memory.flush();
            throw new TargetException(String.format("software breakpoint at 0x%08X: the memory did not take the "
                    + "BKPT instruction (flash or ROM? use a hardware breakpoint)", address));
        }
        savedInstructions.put(address, original);
    }

    private void insertBkpt(long address) {
        memory.write16(address, BKPT_INSTRUCTION);
        invalidateCache();
    }

    private void restoreInstruction(long address, int original) {
        memory.write16(address, original);
        invalidateCache();
    }

    private void invalidateCache() {
        if (invalidateICache) {
            memory.write32(Scs.ICIALLU, 0);
        }
        memory.flush();
    }

    @Override
    public boolean removeBreakpoint(long requested) {
        long address = instructionAddress(requested);
        for (int n = 0; n < comparators.length; n++) {
            if (comparators[n] != null && comparators[n] == address) {
                fpb.clear(n);
                comparators[n] = null;
                return true;
            }
        }
        Integer original = savedInstructions.remove(address);
        if (original == null) {
            return false;
        }
        restoreInstruction(address, original);
        return true;
    }

    @Override
    public List<Breakpoint> breakpoints() {
        List<Breakpoint> all = new ArrayList<>();
        for (Long address : comparators) {
            if (address != null) {
                all.add(new Breakpoint(address, BreakpointKind.HARDWARE));
            }
        }
        savedInstructions.keySet().forEach(address -> all.add(new Breakpoint(address, BreakpointKind.SOFTWARE)));
        all.sort(Comparator.comparingLong(Breakpoint::address));
        return List.copyOf(all);
    }

    @Override
    public void removeAllBreakpoints() {
        for (Breakpoint breakpoint : breakpoints()) {
            removeBreakpoint(breakpoint.address());
        }
    }

    @Override
    public boolean isEmpty() {
        return savedInstructions.isEmpty() && freeHardwareBreakpoints() == comparators.length;
    }

    @Override
    public boolean runLiftedAt(long pc, Runnable action) {
        for (int n = 0; n < comparators.length; n++) {
            if (comparators[n] != null && comparators[n] == pc) {
                fpb.clear(n);
                try {
                    action.run();
                } finally {
                    fpb.set(n, pc);
                }
                return true;
            }
        }
        Integer original = savedInstructions.get(pc);
        if (original == null) {
            return false;
        }
        restoreInstruction(pc, original);
        try {
            action.run();
        } finally {
            insertBkpt(pc);
        }
        return true;
    }

    /** Thumb addresses may carry bit 0; instructions sit on halfwords. */
    private static long instructionAddress(long address) {
        if (address < 0 || address > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(String.format("breakpoint address 0x%X is not a 32-bit address", address));
        }
        return address & ~1L;
    }
}
