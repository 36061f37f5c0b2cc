package io.probehost.run.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

import io.probehost.api.ProbeException;
import io.probehost.api.debug.BreakpointKind;
import io.probehost.api.debug.CoreControl;
import io.probehost.api.debug.DebugTarget;
import io.probehost.api.debug.FaultCatch;
import io.probehost.api.debug.ResetType;
import io.probehost.flash.format.debug.DebugInfo;

/**
 * Brings firmware to the point where {@code run} lets it go: reset and halted at its first
 * instruction, or, when faults are to be caught, halted at {@code main} (a temporary breakpoint) with
 * the catch armed there, after the start-up code has set the trap vector the RISC-V catch needs.
 * Firmware without a {@code main} symbol is caught from its first instruction.
 */
final class FirmwareStart {
    static final String MAIN = "main";

    private final DebugTarget target;
    private final DebugInfo info;
    private final Duration timeout;

    FirmwareStart(DebugTarget target, DebugInfo info, Duration timeout) {
        this.target = target;
        this.info = info;
        this.timeout = timeout;
    }

    /** Resets and halts the core; with {@code catchFaults}, runs it to {@code main} and arms the catch. */
    Optional<FaultCatch.Armed> resetToMain(boolean catchFaults) {
        CoreControl core = target.core();
        core.resetAndHalt(ResetType.SYSRESETREQ, timeout);
        Optional<FaultCatch> faultCatch = catchFaults ? target.capability(FaultCatch.class) : Optional.empty();
        if (faultCatch.isEmpty()) {
            return Optional.empty();
        }
        OptionalLong main = info.symbols().address(MAIN);
        if (main.isPresent()) {
            runTo(core, main.getAsLong() & ~1L);
        }
        return Optional.of(faultCatch.get().arm());
    }

    private void runTo(CoreControl core, long address) {
        boolean ours = target.breakpoints().breakpoints().stream().noneMatch(b -> b.address() == address);
        if (ours) {
            target.breakpoints().addBreakpoint(address, BreakpointKind.AUTO);
        }
        try {
            core.resume();
            long end = System.nanoTime() + timeout.toNanos();
            while (!core.isHalted()) {
                if (System.nanoTime() - end > 0) {
                    core.halt(timeout);
                    throw new ProbeException(String.format("the firmware did not reach %s (0x%08X) within %d ms "
                            + "of the reset; run it with --no-catch-hardfault", MAIN, address, timeout.toMillis()));
                }
                Thread.onSpinWait();
            }
        } finally {
            if (ours) {
                target.breakpoints().removeBreakpoint(address);
            }
        }
    }

    /** Takes the catch away; a target already gone is left as it is. */
    static void disarm(FaultCatch.Armed armed) {
        try {
            armed.close();
        } catch (ProbeException gone) {
            // the probe or target went away: nothing left to restore
        }
    }
}
