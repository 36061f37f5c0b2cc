package io.probehost.arch.riscv.internal;

import io.probehost.api.debug.CoreControl;
import io.probehost.api.debug.MemoryInterface;
import io.probehost.api.debug.TrapSemihosting;

/**
 * Semihosting of an RV32 hart: the firmware runs the uncompressed sequence
 * {@code slli x0,x0,0x1f; ebreak; srai x0,x0,7} with the operation in a0 and the parameter in a1
 * (the RISC-V semihosting specification), the two shifts being no-ops that tell it from any other
 * {@code ebreak}. {@code dcsr.ebreakm}, which {@link Hart} sets on every resume, makes the
 * {@code ebreak} enter Debug Mode with {@code dcsr.cause} 1 and {@code dpc} on the {@code ebreak}
 * (riscv-debug.md §3); the answer goes into a0 and the hart resumes at the {@code srai}.
 */
final class RiscvSemihosting extends TrapSemihosting {
    static final int SLLI_ENTRY = 0x01F0_1013;
    static final int EBREAK = 0x0010_0073;
    static final int SRAI_EXIT = 0x4070_5013;
    private static final int INSTRUCTION_BYTES = 4;

    RiscvSemihosting(CoreControl core, MemoryInterface memory) {
        super(core, memory, RiscvRegisters.PC, RiscvRegisters.A0, RiscvRegisters.gpr(11), INSTRUCTION_BYTES);
    }

    @Override
    protected boolean isTrap(MemoryInterface memory, long address) {
        if (address < INSTRUCTION_BYTES || (address & 3) != 0) {
            return false;
        }
        byte[] code = memory.read(address - INSTRUCTION_BYTES, 3 * INSTRUCTION_BYTES);
        return word(code, 0) == SLLI_ENTRY && word(code, 1) == EBREAK && word(code, 2) == SRAI_EXIT;
    }

    private static int word(byte[] code, int index) {
        int at = index * INSTRUCTION_BYTES;
        return (code[at] & 0xFF) | (code[at + 1] & 0xFF) << 8 | (code[at + 2] & 0xFF) << 16 | (code[at + 3] & 0xFF) << 24;
    }
}
