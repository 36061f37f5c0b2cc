package io.probehost.arch.riscv.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Arrays;

import io.probehost.api.TargetException;
import io.probehost.api.debug.Breakpoint;
import io.probehost.api.debug.BreakpointControl;
import io.probehost.api.debug.BreakpointKind;
import io.probehost.api.debug.MemoryInterface;

/**
 * Breakpoints of one hart (riscv-debug.md §5.9, §5.10): hardware ones are execute triggers
 * ({@code mcontrol}, shared with the watchpoints); software ones write {@code ebreak} over a 32-bit
 * instruction or {@code c.ebreak} over a compressed one (which {@code dcsr.ebreakm}, set by
 * {@link Hart} before every resume, turns into a Debug Mode entry), then run {@code fence.i} from the
 * program buffer so the hart fetches the new code. A software breakpoint whose write does not stick
 * (flash) is refused. {@link #stepOver} lets the hart leave a software breakpoint it stands on.
 */
final class RiscvBreakpoints implements BreakpointControl {
    static final int EBREAK = 0x0010_0073;
    static final int C_EBREAK = 0x9002;
    static final int FENCE_I = 0x0000_100F;
    private static final long MISA_C = 1 << ('C' - 'A');

    private final Hart hart;
    private final MemoryInterface memory;
    private final Triggers triggers;
    private final Map<Long, Placed> set = new LinkedHashMap<>();

    /** One breakpoint as it is set: its trigger, or the code it covers. */
    private record Placed(Breakpoint breakpoint, int trigger, byte[] original) {
    }

    RiscvBreakpoints(Hart hart, MemoryInterface memory, Triggers triggers) {
        this.hart = hart;
        this.memory = memory;
        this.triggers = triggers;
    }

    @Override
    public int hardwareBreakpointCount() {
        return triggers.count();
    }

    @Override
    public int freeHardwareBreakpoints() {
        return triggers.free();
    }

    @Override
    public synchronized Breakpoint addBreakpoint(long address, BreakpointKind kind) {
        Placed existing = set.get(address);
        if (existing != null) {
            return existing.breakpoint();
        }
        if ((address & 1) != 0) {
            throw new TargetException(String.format("breakpoint address 0x%08X is odd: RISC-V instructions are at "
                    + "even addresses", address));
        }
        Placed added = switch (kind) {
            case HARDWARE -> hardware(address).orElseThrow(() -> new TargetException(String.format(
                    "no free trigger for a hardware breakpoint at 0x%08X (%d in all)", address, triggers.count())));
            case SOFTWARE -> software(address);
            case AUTO -> hardware(address).orElseGet(() -> software(address));
        };
        set.put(address, added);
        return added.breakpoint();
    }

    private Optional<Placed> hardware(long address) {
        int trigger = triggers.take(triggers.control(Triggers.EXECUTE, 0), address);
        return trigger < 0 ? Optional.empty()
                : Optional.of(new Placed(new Breakpoint(address, BreakpointKind.HARDWARE), trigger, null));
    }

    private Placed software(long address) {
        return hart.whileHalted(() -> {
            int half = memory.read16(address);
            boolean compressed = (half & 3) != 3 && (hart.misa() & MISA_C) != 0;
            byte[] original = memory.read(address, compressed ? 2 : 4);
            byte[] trap = compressed ? new byte[] {(byte) C_EBREAK, (byte) (C_EBREAK >>> 8)}
                    : new byte[] {(byte) EBREAK, (byte) (EBREAK >>> 8), (byte) (EBREAK >>> 16), (byte) (EBREAK >>> 24)};
            memory.write(address, trap);
            if (!Arrays.equals(memory.read(address, trap.length), trap)) {
                throw new TargetException(String.format("cannot set a software breakpoint at 0x%08X: the memory there "
                        + "does not take writes (flash?); use a hardware breakpoint", address));
            }
            synchroniseInstructions();
            return new Placed(new Breakpoint(address, BreakpointKind.SOFTWARE), -1, original);
        });
    }

    private void synchroniseInstructions() {
        DebugModule dm = hart.debugModule();
        if (dm.programFits(1)) {
            dm.execute("fence.i", FENCE_I);
        }
    }

    @Override
    public synchronized boolean removeBreakpoint(long address) {
        Placed removed = set.remove(address);
        if (removed == null) {
            return false;
        }
        if (removed.trigger() >= 0) {
            triggers.release(removed.trigger());
        } else {
            hart.whileHalted(() -> {
                memory.write(address, removed.original());
                synchroniseInstructions();
            });
        }
        return true;
    }

    @Override
    public synchronized List<Breakpoint> breakpoints() {
        return set.values().stream().map(Placed::breakpoint).toList();
    }

    @Override
    public synchronized void removeAllBreakpoints() {
        for (Long address : new ArrayList<>(set.keySet())) {
            removeBreakpoint(address);
        }
    }

    /** Whether a breakpoint of either kind is set at {@code address}. */
    synchronized boolean hasAt(long address) {
        return set.containsKey(address);
    }

    /** Whether a hardware breakpoint is set at {@code address} (to tell a trigger's halt reason). */
    synchronized boolean hardwareAt(long address) {
        Placed at = set.get(address);
        return at != null && at.trigger() >= 0;
    }

    /**
     * Runs {@code step} with the original code at {@code pc} when a software breakpoint covers it, or
     * with the trigger of a hardware breakpoint there released, putting the breakpoint back after.
     */
    synchronized void stepOver(long pc, Runnable step) {
        Placed at = set.get(pc);
        if (at == null) {
            step.run();
            return;
        }
        if (at.trigger() >= 0) {
            // the trigger would fire again on the instruction it stopped before: off for one step
            triggers.release(at.trigger());
            try {
                step.run();
            } finally {
                set.put(pc, hardware(pc).orElseThrow(() -> new TargetException(String.format(
                        "the trigger of the hardware breakpoint at 0x%08X could not be set again", pc))));
            }
            return;
        }
        byte[] trap = memory.read(pc, at.original().length);
        memory.write(pc, at.original());
        synchroniseInstructions();
        try {
            step.run();
        } finally {
            memory.write(pc, trap);
            synchroniseInstructions();
        }
    }
}
