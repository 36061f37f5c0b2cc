package io.probehost.flash.format.debug;

import java.util.Optional;

/**
 * Unwinding rules for RV32 (the RISC-V ELF psABI): x0-x31 are DWARF 0-31, ra is x1, sp x2, the
 * frame pointer s0 is x8; the PC, which DWARF does not number, is kept under {@link #PC}, and the
 * machine trap CSRs mtvec, mepc and mcause under 0x10000 + their CSR number ({@link #csr}). A frame
 * whose function starts at mtvec's base is the trap handler: past it the trapped code resumes at
 * mepc with the registers the handler saved (CFI or prologue), as the Privileged Architecture's
 * {@code mret} returns. Without CFI a prologue scan finds the frame size and the saved registers;
 * where it finds no saved return address, or there is no function start, the frame-pointer chain
 * that {@code -fno-omit-frame-pointer} builds is followed.
 */
public final class RiscvUnwinding extends RegisterLayout {

    public static final int EM_RISCV = 243;
    public static final int RA = 1;
    public static final int SP = 2;
    public static final int FP = 8;
    public static final int PC = 0x10000;
    public static final int MTVEC = csr(0x305);
    public static final int MEPC = csr(0x341);
    public static final int MCAUSE = csr(0x342);

    private static final int MAX_PROLOGUE_BYTES = 64;
    private static final long INTERRUPT = 0x8000_0000L;
    /** The synchronous exception codes of mcause (Privileged Architecture, table 3.6). */
    private static final String[] EXCEPTIONS = {"InstructionMisaligned", "InstructionAccessFault",
        "IllegalInstruction", "Breakpoint", "LoadMisaligned", "LoadAccessFault", "StoreMisaligned",
        "StoreAccessFault", "EcallFromU", "EcallFromS", "Reserved", "EcallFromM", "InstructionPageFault",
        "LoadPageFault", "Reserved", "StorePageFault"};

    public RiscvUnwinding() {
        super(PC, SP, RA);
    }

    /** The number a machine CSR is kept under in {@link RegisterValues}: 0x10000 + its CSR address. */
    public static int csr(int address) {
        return PC + address;
    }

    /** s0-s11 (x8, x9, x18-x27), sp, the fixed x0, gp, tp, and the trap CSRs, which a call does not change. */
    @Override
    public boolean isCalleeSaved(int register) {
        return register == 0 || register == 3 || register == 4 || register == 8 || register == 9
                || (register >= 18 && register <= 27) || register == MTVEC || register == MEPC || register == MCAUSE;
    }

    /** {@code IllegalInstruction}, {@code LoadAccessFault}, {@code Interrupt7} for an mcause value. */
    public static String trapName(long mcause) {
        long code = mcause & ~INTERRUPT & 0xFFFF_FFFFL;
        if ((mcause & INTERRUPT) != 0) {
            return "Interrupt" + code;
        }
        return code < EXCEPTIONS.length ? EXCEPTIONS[(int) code] : "Exception" + code;
    }

    /**
     * The handler frame runs the function at mtvec's base (direct and vectored mode: bits 1:0 are
     * the mode; CLIC mode 3, as the GD32VF103's ECLIC uses: 64-byte aligned): the trapped code
     * resumes at mepc with the registers the handler's frame restored.
     */
    @Override
    public Optional<ExceptionReturn> trapReturn(long functionStart, RegisterValues handler, RegisterValues caller) {
        if (functionStart < 0 || !handler.has(MTVEC) || !handler.has(MEPC)) {
            return Optional.empty();
        }
        long mtvec = handler.get(MTVEC).getAsLong();
        long base = (mtvec & 3) == 3 ? mtvec & ~0x3FL : mtvec & ~3L;
        if (functionStart != base) {
            return Optional.empty();
        }
        RegisterValues trapped = caller.with(PC, handler.get(MEPC).getAsLong());
        return Optional.of(new ExceptionReturn(trapped, trapName(handler.get(MCAUSE).orElse(0))));
    }

    /**
     * Scans the prologue from {@code functionStart} up to the PC for the stack adjustment
     * ({@code addi sp, sp, -N}, {@code c.addi sp, -N}, {@code c.addi16sp}) and the stores of registers to the new frame
     * ({@code sw}, {@code c.swsp} relative to sp); the caller's sp is the frame's sp + N, a stored
     * register is read back, and ra comes from its register where the frame's registers are live.
     * Without a function start, outer frames follow the frame-pointer chain ({@code ra} at
     * {@code fp - 4}, the caller's {@code fp} at {@code fp - 8}) that {@code -fno-omit-frame-pointer} builds.
     */
    @Override
    public Optional<RegisterValues> unwindWithoutCfi(RegisterValues frame, boolean innermost, long functionStart,
            TargetMemory memory) {
        if (functionStart >= 0 && frame.has(SP) && frame.has(PC)) {
            Optional<RegisterValues> scanned = scanPrologue(frame, innermost, functionStart, memory);
            if (scanned.isPresent()) {
                return scanned;
            }
        }
        if (innermost) {
            return Optional.of(frame);
        }
        return followFramePointer(frame, memory);
    }

    /** One link of the frame-pointer chain: ra at {@code fp - 4}, the caller's fp at {@code fp - 8}, its sp at fp. */
    private static Optional<RegisterValues> followFramePointer(RegisterValues frame, TargetMemory memory) {
        long fp = frame.get(FP).orElse(0);
        if (fp == 0 || !frame.has(SP) || fp <= frame.get(SP).getAsLong()) {
            return Optional.empty();
        }
        return Optional.of(frame.with(RA, memory.read32(fp - 4)).with(FP, memory.read32(fp - 8)).with(SP, fp));
    }

    private Optional<RegisterValues> scanPrologue(RegisterValues frame, boolean live, long start, TargetMemory memory) {
        long pc = frame.get(PC).getAsLong();
        long sp = frame.get(SP).getAsLong();
        long frameSize = 0;
        int[] savedAt = new int[32];
        boolean[] saved = new boolean[32];
        long end = Math.min(pc, start + MAX_PROLOGUE_BYTES);
        for (long at = start; at < end;) {
            int low = memory.read16(at);
            boolean wide = (low & 3) == 3;
            long insn = wide ? low | (long) memory.read16(at + 2) << 16 : low;
            at += wide ? 4 : 2;
            if (wide && (insn & 0x000F_FFFFL) == 0x0001_0113L) {
                frameSize -= (int) insn >> 20;
            } else if (!wide && (insn & 0xEF83) == 0x6101) {
                frameSize -= addi16spImmediate((int) insn);
            } else if (!wide && (insn & 0xEF83) == 0x0101) {
                frameSize -= ((int) (((insn >> 12) & 1) << 5 | ((insn >> 2) & 0x1F)) << 26) >> 26;
            } else if (wide && (insn & 0x000F_F07FL) == 0x0001_2023L) {
                int offset = (((int) insn >> 25) << 5) | (int) ((insn >> 7) & 0x1F);
                record(saved, savedAt, (int) ((insn >> 20) & 0x1F), offset);
            } else if (!wide && (insn & 0xE003) == 0xC002) {
                int offset = (int) (((insn >> 9) & 0xF) << 2 | ((insn >> 7) & 0x3) << 6);
                record(saved, savedAt, (int) ((insn >> 2) & 0x1F), offset);
            }
        }
        RegisterValues caller = frame.with(SP, sp + frameSize);
        for (int register = 1; register < 32; register++) {
            if (saved[register] && register != SP) {
                caller = caller.with(register, memory.read32(sp + savedAt[register]));
            }
        }
        return saved[RA] || live ? Optional.of(caller) : Optional.empty();
    }

    private static void record(boolean[] saved, int[] savedAt, int register, int offset) {
        if (!saved[register]) {
            saved[register] = true;
            savedAt[register] = offset;
        }
    }

    /** The signed immediate of {@code c.addi16sp}: nzimm[9|4|6|8:7|5] in bits 12, 6, 5, 4:3, 2. */
    private static int addi16spImmediate(int insn) {
        int imm = ((insn >> 12) & 1) << 9 | ((insn >> 6) & 1) << 4 | ((insn >> 5) & 1) << 6 | ((insn >> 3) & 3) << 7
                | ((insn >> 2) & 1) << 5;
        return (imm << 22) >> 22;
    }
}
