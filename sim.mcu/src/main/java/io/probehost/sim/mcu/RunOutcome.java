package io.probehost.sim.mcu;

/** Why {@link ChipBase#runUntilHalted(long)} returned; the core is halted in every case. */
public enum RunOutcome {
    /** The core entered Debug state by itself: BKPT, breakpoint, watchpoint or vector catch (see DFSR). */
    HALTED,
    /** The cycle budget ran out first. */
    CYCLE_LIMIT,
    /** The core locked up (fault in a HardFault handler, or blank flash). */
    LOCKED_UP,
    /** The core sleeps in WFI/WFE with nothing left that could wake it. */
    SLEEPING
}
