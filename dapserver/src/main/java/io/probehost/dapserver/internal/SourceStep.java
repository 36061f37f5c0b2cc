package io.probehost.dapserver.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

import org.eclipse.lsp4j.debug.Breakpoint;

import io.probehost.api.debug.BreakpointKind;
import io.probehost.api.debug.CoreControl;
import io.probehost.api.debug.DebugTarget;
import io.probehost.flash.format.debug.DebugInfo;
import io.probehost.flash.format.debug.DwarfRegisters;
import io.probehost.flash.format.debug.SourceLocation;
import io.probehost.flash.format.debug.UnwindArchitecture;

/**
 * One source-level step, as gdb's {@code next} and {@code step} do it: single instructions until
 * the core reaches the start of a statement on another line (or jumps back to a statement start on
 * the same one), running a call the step enters to its return address ({@code next}, or a function
 * without line information), or stopping at its first instruction ({@code stepIn}). Bounded by
 * {@value #MAX_INSTRUCTIONS} instructions and, for a call run over, {@link #CALL_TIMEOUT}.
 */
final class SourceStep {
    static final int MAX_INSTRUCTIONS = 5000;
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final long CALL_POLL_MILLIS = 5;

    /** How a step ended: at a new statement, or at a breakpoint of the client met on the way. */
    record Outcome(Optional<Breakpoint> breakpoint) {
    }

    private final DebugTarget target;
    private final ProgramInfo program;
    private final UnwindArchitecture arch;
    private final Breakpoints breakpoints;

    SourceStep(DebugTarget target, ProgramInfo program, UnwindArchitecture arch, Breakpoints breakpoints) {
        this.target = target;
        this.program = program;
        this.arch = arch;
        this.breakpoints = breakpoints;
    }

    Outcome run(boolean into, long startPc) {
        DebugInfo info = program.debugInfo();
        Optional<SourceLocation> start = program.location(startPc);
        long function = info.functionStart(startPc);
        long previous = startPc;
        for (int i = 0; i < MAX_INSTRUCTIONS; i++) {
            long pc = stepInstruction();
            long entered = info.functionStart(pc);
            if (entered == pc && entered != function) {
                if (into && program.location(pc).isPresent()) {
                    return new Outcome(Optional.empty());
                }
                Optional<Breakpoint> hit = runToReturn();
                if (hit.isPresent()) {
                    return new Outcome(hit);
                }
                pc = pc();
            }
            Optional<SourceLocation> here = program.location(pc);
            boolean newStatement = program.startsStatement(pc) && here.isPresent()
                    && (start.isEmpty() || here.get().line() != start.get().line()
                            || !here.get().path().equals(start.get().path()) || pc < previous);
            if (newStatement) {
                return new Outcome(Optional.empty());
            }
            previous = pc;
        }
        return new Outcome(Optional.empty());
    }

    private long stepInstruction() {
        target.core().step();
        return pc();
    }

    private long pc() {
        CoreControl core = target.core();
        return arch.codeAddress(core.register("pc").map(core::readRegister)
                .orElseThrow(() -> new DapException("the core has no register named pc")));
    }

    /** Runs a call just entered to the return address the return-address register holds; a client breakpoint may stop it first. */
    private Optional<Breakpoint> runToReturn() {
        CoreControl core = target.core();
        OptionalLong returnAddress = DwarfRegisters.read(core, program.debugInfo().machine()).get(arch.returnAddress());
        if (returnAddress.isEmpty()) {
            throw new DapException("the return address of the call is unknown");
        }
        long address = arch.codeAddress(returnAddress.getAsLong());
        boolean temporary = breakpoints.at(address).isEmpty();
        if (temporary) {
            target.breakpoints().addBreakpoint(address, BreakpointKind.AUTO);
        }
        try {
            core.resume();
            long deadline = System.nanoTime() + CALL_TIMEOUT.toNanos();
            while (!core.isHalted()) {
                if (System.nanoTime() > deadline) {
                    core.halt(RunControl.HALT_TIMEOUT);
                    break;
                }
                sleep();
            }
        } finally {
            if (temporary) {
                target.breakpoints().removeBreakpoint(address);
            }
        }
        long pc = pc();
        return pc == address ? Optional.empty() : breakpoints.at(pc);
    }

    private static void sleep() {
        try {
            Thread.sleep(CALL_POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DapException("interrupted while running over a call");
        }
    }
}
