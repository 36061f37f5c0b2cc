package io.probehost.arch.riscv.internal;

import io.probehost.api.debug.BreakpointControl;
import io.probehost.api.debug.BreakpointKind;
import io.probehost.api.debug.CoreControl;
import io.probehost.api.debug.FaultCatch;
import io.probehost.api.debug.HaltReason;

/**
 * {@link FaultCatch} of an RV32 hart: the 0.13 Debug Module has no halt-on-exception bit (the
 * {@code etrigger} of the trigger module is optional and rare), so a hardware breakpoint (an
 * {@code mcontrol} execute trigger with action Debug Mode) on the base of {@code mtvec} halts the
 * hart on the first instruction of every trap: exceptions and, in direct mode, interrupts too, which
 * firmware under {@code run} that takes interrupts must keep in mind. {@code mcause}, {@code mepc}
 * and {@code mtval} then say which trap it was (the {@link io.probehost.api.debug.FaultReport}).
 */
final class RiscvFaultCatch implements FaultCatch {
    private static final long MTVEC_MODE = 3;

    private final CoreControl core;
    private final BreakpointControl breakpoints;

    RiscvFaultCatch(CoreControl core, BreakpointControl breakpoints) {
        this.core = core;
        this.breakpoints = breakpoints;
    }

    @Override
    public Armed arm() {
        long mtvec = core.readRegister(core.register("mtvec").orElseThrow()) & 0xFFFF_FFFFL;
        long vector = mtvec & ~MTVEC_MODE;
        boolean ours = breakpoints.breakpoints().stream().noneMatch(b -> b.address() == vector);
        if (ours) {
            breakpoints.addBreakpoint(vector, BreakpointKind.HARDWARE);
        }
        return new Armed() {
            @Override
            public boolean caught() {
                return core.haltReason().orElse(null) == HaltReason.BREAKPOINT
                        && (core.readRegister(RiscvRegisters.PC) & 0xFFFF_FFFFL) == vector;
            }

            @Override
            public void rewindToFault() {
                core.writeRegister(RiscvRegisters.PC, core.readRegister(core.register("mepc").orElseThrow()));
            }

            @Override
            public void close() {
                if (ours) {
                    breakpoints.removeBreakpoint(vector);
                }
            }
        };
    }
}
