package io.probehost.arch.arm.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.probehost.api.TargetException;
import io.probehost.api.debug.CoreRegister;
import io.probehost.api.debug.FunctionCall;
import io.probehost.api.debug.FunctionCallException;
import io.probehost.api.debug.FunctionCallTimeoutException;
import io.probehost.api.debug.FunctionCaller;

/**
 * Calls a function on a halted Cortex-M as the AAPCS has it, the way pyOCD and probe-rs run flash
 * algorithms: R0-R3 the arguments, R9 the static base, SP the stack, LR the return trap with the
 * Thumb bit, PC the entry with the Thumb bit, and xPSR = T whenever a fresh stack is given (a
 * function that returned leaves R9, SP and xPSR as they were, so later calls need not write them).
 * The trap is a {@code BKPT} the caller placed; with C_DEBUGEN set, returning into it halts the core
 * (DFSR.BKPT) instead of escalating to a HardFault. The result is R0.
 *
 * <p>Each call costs few probe round trips: {@link #start} sends every register write and the
 * resume as one batch ({@link CortexMCore#writeRegistersAndResume}); {@link #await} polls DHCSR
 * through the banked data registers and, once the core halted, reads R0 and the PC in one batch.
 * The register reads wait for the halt the poll saw: DCRSR must not be written while the core runs.
 */
public final class CortexMFunctionCaller implements FunctionCaller {
    /** EPSR.T: Cortex-M executes Thumb only; a clear T bit faults on the first instruction. */
    static final long XPSR_THUMB = 0x0100_0000L;
    private static final long THUMB_BIT = 1;
    private static final Duration HALT_AFTER_TIMEOUT = Duration.ofMillis(500);
    private static final List<CoreRegister> ARGUMENTS = List.of(CortexMRegisters.general(0),
            CortexMRegisters.general(1), CortexMRegisters.general(2), CortexMRegisters.general(3));
    private static final CoreRegister STATIC_BASE = CortexMRegisters.general(9);
    private static final CoreRegister RESULT = ARGUMENTS.get(0);

    private final CortexMCore core;
    private final Ticker ticker;
    private FunctionCall running;

    public CortexMFunctionCaller(CortexMCore core) {
        this(core, Ticker.YIELDING);
    }

    /** A caller that waits by {@code ticker}'s time (a fake one in tests). */
    public CortexMFunctionCaller(CortexMCore core, Ticker ticker) {
        this.core = core;
        this.ticker = ticker;
    }

    @Override
    public int maxArguments() {
        return ARGUMENTS.size();
    }

    @Override
    public void start(FunctionCall call) {
        if (call.arguments().size() > ARGUMENTS.size()) {
            throw new IllegalArgumentException(String.format("%s: %d arguments, but a Cortex-M passes at most %d in "
                    + "registers", call.name(), call.arguments().size(), ARGUMENTS.size()));
        }
        running = null;
        List<CoreRegister> registers = new ArrayList<>(ARGUMENTS.subList(0, call.arguments().size()));
        List<Long> values = new ArrayList<>(call.arguments());
        if (call.staticBase().isPresent()) {
            registers.add(STATIC_BASE);
            values.add(call.staticBase().getAsLong());
        }
        if (call.stackPointer().isPresent()) {
            registers.addAll(List.of(CortexMRegisters.SP, CortexMRegisters.XPSR));
            values.addAll(List.of(call.stackPointer().getAsLong(), XPSR_THUMB));
        }
        registers.addAll(List.of(CortexMRegisters.LR, CortexMRegisters.PC));
        values.addAll(List.of(trap(call) | THUMB_BIT, call.entry() | THUMB_BIT));
        core.writeRegistersAndResume(registers, values.stream().mapToLong(Long::longValue).toArray());
        running = call;
    }

    @Override
    public long await(Duration timeout) {
        FunctionCall call = running;
        if (call == null) {
            throw new IllegalStateException("no function call was started");
        }
        running = null;
        long deadline = ticker.nanoTime() + timeout.toNanos();
        while (!core.isHalted()) {
            if (ticker.nanoTime() - deadline >= 0) {
                throw timedOut(call, timeout);
            }
            ticker.pause();
        }
        long[] values = core.readRegisters(List.of(RESULT, CortexMRegisters.PC));
        if (values[1] != trap(call)) {
            String reason = core.haltReason().map(r -> " (" + r + ")").orElse("");
            throw new FunctionCallException(call.name(), values[1], String.format(
                    "%s at 0x%08X stopped at PC 0x%08X%s instead of returning to 0x%08X", call.name(),
                    call.entry() & ~THUMB_BIT, values[1], reason, trap(call)));
        }
        return values[0];
    }

    private FunctionCallTimeoutException timedOut(FunctionCall call, Duration timeout) {
        String where;
        long pc = -1;
        try {
            core.halt(HALT_AFTER_TIMEOUT);
            pc = core.readRegister(CortexMRegisters.PC);
            where = String.format("halted it at PC 0x%08X", pc);
        } catch (TargetException stillRunning) {
            where = "it did not halt either: " + stillRunning.getMessage();
        }
        return new FunctionCallTimeoutException(call.name(), pc, timeout, String.format(
                "%s at 0x%08X did not return within %d ms; %s", call.name(), call.entry() & ~THUMB_BIT,
                timeout.toMillis(), where));
    }

    private static long trap(FunctionCall call) {
        return call.returnAddress() & ~THUMB_BIT;
    }
}
