package io.probehost.arch.riscv.internal;

import java.util.List;
import java.util.Optional;

import io.probehost.api.debug.CoreControl;
import io.probehost.api.debug.CoreRegister;
import io.probehost.api.debug.HaltReason;
import io.probehost.api.debug.MemoryInterface;
import io.probehost.api.debug.Semihosting;
import io.probehost.api.debug.SemihostingCall;

/**
 * {@link Semihosting} of an RV32 hart: the firmware runs the uncompressed sequence
 * {@code slli x0,x0,0x1f; ebreak; srai x0,x0,7} with the operation in a0 and the parameter in a1
 * (the RISC-V semihosting specification), the two shifts being no-ops that tell it from any other
 * {@code ebreak}. {@code dcsr.ebreakm}, which {@link Hart} sets on every resume, makes the
 * {@code ebreak} enter Debug Mode with {@code dcsr.cause} 1 and {@code dpc} on the {@code ebreak}
 * (riscv-debug.md §3); the answer goes into a0 and the hart resumes at the {@code srai}.
 */
final class RiscvSemihosting implements Semihosting {
    static final int SLLI_ENTRY = 0x01F0_1013;
    static final int EBREAK = 0x0010_0073;
    static final int SRAI_EXIT = 0x4070_5013;
    private static final int INSTRUCTION_BYTES = 4;
    private static final int WORD_BYTES = 4;

    private final CoreControl core;
    private final MemoryInterface memory;

    RiscvSemihosting(CoreControl core, MemoryInterface memory) {
        this.core = core;
        this.memory = memory;
    }

    @Override
    public Optional<SemihostingCall> pendingCall() {
        if (core.haltReason().orElse(null) != HaltReason.BREAKPOINT) {
            return Optional.empty();
        }
        long pc = core.readRegister(RiscvRegisters.PC) & 0xFFFF_FFFFL;
        if (pc < INSTRUCTION_BYTES || (pc & 3) != 0) {
            return Optional.empty();
        }
        byte[] code = memory.read(pc - INSTRUCTION_BYTES, 3 * INSTRUCTION_BYTES);
        if (word(code, 0) != SLLI_ENTRY || word(code, 1) != EBREAK || word(code, 2) != SRAI_EXIT) {
            return Optional.empty();
        }
        long[] arguments = core.readRegisters(List.of(RiscvRegisters.A0, a1()));
        return Optional.of(new SemihostingCall((int) arguments[0], arguments[1] & 0xFFFF_FFFFL, pc, WORD_BYTES));
    }

    private static int word(byte[] code, int index) {
        int at = index * INSTRUCTION_BYTES;
        return (code[at] & 0xFF) | (code[at + 1] & 0xFF) << 8 | (code[at + 2] & 0xFF) << 16 | (code[at + 3] & 0xFF) << 24;
    }

    private static CoreRegister a1() {
        return RiscvRegisters.gpr(11);
    }

    @Override
    public long[] readParameterBlock(SemihostingCall call, int count) {
        return call.readParameterBlock(memory, count);
    }

    @Override
    public void complete(SemihostingCall call, long result) {
        core.writeRegister(RiscvRegisters.A0, result & 0xFFFF_FFFFL);
        core.writeRegister(RiscvRegisters.PC, call.trapAddress() + INSTRUCTION_BYTES);
        core.resume();
    }
}
