package io.probehost.arch.arm.internal;

import java.util.List;
import java.util.Optional;

import io.probehost.api.debug.CoreControl;
import io.probehost.api.debug.HaltReason;
import io.probehost.api.debug.MemoryInterface;
import io.probehost.api.debug.Semihosting;
import io.probehost.api.debug.SemihostingCall;

/**
 * {@link Semihosting} of a Cortex-M: the firmware runs Thumb {@code BKPT 0xAB} with the operation in
 * R0 and the parameter in R1. With halting debug enabled (C_DEBUGEN, which every resume keeps) the
 * core halts on the BKPT with DFSR.BKPT set and the pc on the BKPT itself (ARMv6-M and ARMv7-M ARM
 * ARM, C1.6 and C1.7); the answer goes into R0 and the pc moves past the 2-byte BKPT.
 */
final class CortexMSemihosting implements Semihosting {
    static final int BKPT_SEMIHOSTING = 0xBEAB;
    private static final int BKPT_BYTES = 2;
    private static final int WORD_BYTES = 4;

    private final CoreControl core;
    private final MemoryInterface memory;

    CortexMSemihosting(CoreControl core, MemoryInterface memory) {
        this.core = core;
        this.memory = memory;
    }

    @Override
    public Optional<SemihostingCall> pendingCall() {
        if (core.haltReason().orElse(null) != HaltReason.BREAKPOINT) {
            return Optional.empty();
        }
        long pc = core.readRegister(CortexMRegisters.PC) & 0xFFFF_FFFEL;
        if ((memory.read16(pc) & 0xFFFF) != BKPT_SEMIHOSTING) {
            return Optional.empty();
        }
        long[] arguments = core.readRegisters(List.of(CortexMRegisters.general(0),
                CortexMRegisters.general(1)));
        return Optional.of(new SemihostingCall((int) arguments[0], arguments[1] & 0xFFFF_FFFFL, pc, WORD_BYTES));
    }

    @Override
    public long[] readParameterBlock(SemihostingCall call, int count) {
        return call.readParameterBlock(memory, count);
    }

    @Override
    public void complete(SemihostingCall call, long result) {
        core.writeRegister(CortexMRegisters.general(0), result & 0xFFFF_FFFFL);
        core.writeRegister(CortexMRegisters.PC, call.trapAddress() + BKPT_BYTES);
        core.resume();
    }
}
