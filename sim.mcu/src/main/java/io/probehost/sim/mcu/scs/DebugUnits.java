package io.probehost.sim.mcu.scs;

import io.probehost.sim.mcu.cpu.DebugComparators;

/** Connects the breakpoint unit and the DWT to the core's per-instruction checks. */
public final class DebugUnits implements DebugComparators {
    private final BreakpointUnit bpu;
    private final DataWatchpointUnit dwt;

    public DebugUnits(BreakpointUnit bpu, DataWatchpointUnit dwt) {
        this.bpu = bpu;
        this.dwt = dwt;
    }

    @Override
    public boolean breakpointAt(int pc) {
        return bpu.matches(pc);
    }

    @Override
    public boolean pcMatchAt(int pc) {
        return dwt.pcMatch(pc);
    }

    @Override
    public boolean dataMatch(int address, int bytes, boolean write) {
        return dwt.dataMatch(address, bytes, write);
    }

    @Override
    public int remap(int address, boolean instruction) {
        return bpu.remap(address, instruction);
    }

    @Override
    public boolean remapping() {
        return bpu.remapping();
    }

    @Override
    public boolean breakpointsEnabled() {
        return bpu.enabled();
    }
}
