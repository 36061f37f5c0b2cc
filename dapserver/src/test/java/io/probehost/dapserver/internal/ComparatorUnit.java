package io.probehost.dapserver.internal;

import java.util.ArrayList;
import java.util.List;

import io.probehost.api.TargetException;
import io.probehost.api.debug.Breakpoint;
import io.probehost.api.debug.BreakpointControl;
import io.probehost.api.debug.BreakpointKind;

/** A breakpoint unit with a fixed number of comparators, as a Cortex-M0's FPB (four) behaves. */
final class ComparatorUnit implements BreakpointControl {
    private final int comparators;
    private final List<Breakpoint> set = new ArrayList<>();

    ComparatorUnit(int comparators) {
        this.comparators = comparators;
    }

    List<Long> addresses() {
        return set.stream().map(Breakpoint::address).sorted().toList();
    }

    @Override
    public int hardwareBreakpointCount() {
        return comparators;
    }

    @Override
    public int freeHardwareBreakpoints() {
        return comparators - set.size();
    }

    @Override
    public Breakpoint addBreakpoint(long address, BreakpointKind kind) {
        for (Breakpoint b : set) {
            if (b.address() == address) {
                return b;
            }
        }
        if (set.size() == comparators) {
            throw new TargetException(String.format("no free hardware breakpoint for 0x%08x", address));
        }
        Breakpoint added = new Breakpoint(address, BreakpointKind.HARDWARE);
        set.add(added);
        return added;
    }

    @Override
    public boolean removeBreakpoint(long address) {
        return set.removeIf(b -> b.address() == address);
    }

    @Override
    public List<Breakpoint> breakpoints() {
        return List.copyOf(set);
    }

    @Override
    public void removeAllBreakpoints() {
        set.clear();
    }
}
