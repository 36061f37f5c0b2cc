package io.probehost.arch.riscv.internal;

import java.time.Duration;
import java.util.Arrays;

import io.probehost.api.TargetException;
import io.probehost.api.debug.FunctionCall;
import io.probehost.api.debug.FunctionCallException;
import io.probehost.api.debug.FunctionCallTimeoutException;
import io.probehost.api.debug.FunctionCaller;
import io.probehost.api.debug.HaltReason;

/**
 * Calls a function on a halted RV32 hart as the RISC-V calling convention has it, the way OpenOCD and
 * probe-rs run flash algorithms: a0-a7 the arguments, ra the return trap (an {@code ebreak} the
 * caller placed), sp the stack and gp the static base when given, and {@code dpc} the entry (bit 0
 * cleared: there is no mode bit). {@code mstatus.MIE} is cleared for the call and restored after it;
 * {@code dcsr.ebreakm} (set by {@link Hart} on every resume) makes the trap halt the hart. Every
 * register write goes in one DMI batch. The result is a0.
 */
final class RiscvFunctionCaller implements FunctionCaller {
    static final int ARGUMENT_REGISTERS = 8;
    static final long MSTATUS_MIE = 1 << 3;
    private static final Duration HALT_AFTER_TIMEOUT = Duration.ofMillis(500);

    private final Hart hart;
    private FunctionCall running;
    private long savedMstatus;

    RiscvFunctionCaller(Hart hart) {
        this.hart = hart;
    }

    @Override
    public int maxArguments() {
        return ARGUMENT_REGISTERS;
    }

    @Override
    public void start(FunctionCall call) {
        if (call.arguments().size() > ARGUMENT_REGISTERS) {
            throw new IllegalArgumentException(String.format("%s: %d arguments, but RISC-V passes at most %d in "
                    + "registers", call.name(), call.arguments().size(), ARGUMENT_REGISTERS));
        }
        hart.requireHalted("call " + call.name());
        running = null;
        savedMstatus = hart.readRegister(RiscvRegisters.MSTATUS);
        int count = call.arguments().size() + 5;
        int[] regnos = new int[count];
        long[] values = new long[count];
        int n = 0;
        for (int i = 0; i < call.arguments().size(); i++, n++) {
            regnos[n] = RiscvRegisters.A0.number() + i;
            values[n] = call.arguments().get(i);
        }
        if (call.stackPointer().isPresent()) {
            regnos[n] = RiscvRegisters.SP.number();
            values[n++] = call.stackPointer().getAsLong();
        }
        if (call.staticBase().isPresent()) {
            regnos[n] = RiscvRegisters.GP.number();
            values[n++] = call.staticBase().getAsLong();
        }
        regnos[n] = RiscvRegisters.RA.number();
        values[n++] = trap(call);
        regnos[n] = RiscvRegisters.MSTATUS;
        values[n++] = savedMstatus & ~MSTATUS_MIE;
        regnos[n] = RiscvRegisters.DPC;
        values[n++] = call.entry() & ~1L;
        hart.debugModule().writeRegisters(Arrays.copyOf(regnos, n), Arrays.copyOf(values, n));
        hart.resume();
        running = call;
    }

    @Override
    public long await(Duration timeout) {
        FunctionCall call = running;
        if (call == null) {
            throw new IllegalStateException("no function call was started");
        }
        running = null;
        if (!Polling.holdsWithin(hart::isHalted, timeout)) {
            throw timedOut(call, timeout);
        }
        DebugModule dm = hart.debugModule();
        long[] values = dm.readRegisters(new int[] {RiscvRegisters.A0.number(), RiscvRegisters.DPC});
        dm.writeRegister(RiscvRegisters.MSTATUS, savedMstatus);
        if (values[1] != trap(call)) {
            throw new FunctionCallException(call.name(), values[1], String.format(
                    "%s at 0x%08X stopped at pc 0x%08X (%s) instead of returning to 0x%08X", call.name(),
                    call.entry() & ~1L, values[1], hart.haltReason(() -> HaltReason.BREAKPOINT),
                    trap(call)));
        }
        return values[0];
    }

    private FunctionCallTimeoutException timedOut(FunctionCall call, Duration timeout) {
        String where;
        long pc = -1;
        try {
            hart.halt(HALT_AFTER_TIMEOUT);
            pc = hart.readRegister(RiscvRegisters.DPC);
            hart.debugModule().writeRegister(RiscvRegisters.MSTATUS, savedMstatus);
            where = String.format("halted it at pc 0x%08X", pc);
        } catch (TargetException stillRunning) {
            where = "it did not halt either: " + stillRunning.getMessage();
        }
        return new FunctionCallTimeoutException(call.name(), pc, timeout, String.format(
                "%s at 0x%08X did not return within %d ms; %s", call.name(), call.entry() & ~1L, timeout.toMillis(),
                where));
    }

    private static long trap(FunctionCall call) {
        return call.returnAddress() & ~1L;
    }
}
