package io.probehost.flash.format.debug;

import java.util.Optional;

/**
 * Unwinding rules for RV32 (the RISC-V ELF psABI): x0-x31 are DWARF 0-31, ra is x1, sp x2, the
 * frame pointer s0 is x8; the PC, which DWARF does not number, is kept under {@link #PC}. Without
 * CFI the innermost frame returns through ra, and outer frames follow the frame-pointer chain
 * ({@code ra} at {@code fp - 4}, the caller's {@code fp} at {@code fp - 8}) that
 * {@code -fno-omit-frame-pointer} builds.
 */
public final class RiscvUnwinding extends RegisterLayout {

    public static final int EM_RISCV = 243;
    public static final int RA = 1;
    public static final int SP = 2;
    public static final int FP = 8;
    public static final int PC = 0x10000;

    public RiscvUnwinding() {
        super(PC, SP, RA);
    }

    /** s0-s11 (x8, x9, x18-x27), sp and the fixed x0, gp, tp. */
    @Override
    public boolean isCalleeSaved(int register) {
        return register == 0 || register == 3 || register == 4 || register == 8 || register == 9
                || (register >= 18 && register <= 27);
    }

    @Override
    public Optional<RegisterValues> unwindWithoutCfi(RegisterValues frame, boolean innermost, long functionStart,
            TargetMemory memory) {
        if (innermost) {
            return Optional.of(frame);
        }
        long fp = frame.get(FP).orElse(0);
        if (fp == 0 || !frame.has(SP) || fp <= frame.get(SP).getAsLong()) {
            return Optional.empty();
        }
        return Optional.of(frame.with(RA, memory.read32(fp - 4)).with(FP, memory.read32(fp - 8)).with(SP, fp));
    }
}
