package io.probehost.sim.riscv;

import io.probehost.sim.mcu.AccessSize;

/**
 * Decodes and executes one RV32IMAC instruction (compressed ones through
 * {@link CompressedExpander}) on a {@link Hart}: RV32I, M, A, Zicsr, Zifencei (FENCE.I is a no-op),
 * MRET, WFI, ECALL, EBREAK, DRET (Debug Mode only). An illegal instruction traps with mtval = its encoding (16 bits for a
 * compressed one), as QEMU does.
 */
final class Rv32Executor {
    private static final int FUNCT7_BASE = 0x00;
    private static final int FUNCT7_ALT = 0x20;
    private static final int FUNCT7_MULDIV = 0x01;

    private final Hart hart;
    private final ControlStatusRegisters csrs;
    private final AtomicExecutor atomics;

    Rv32Executor(Hart hart, ControlStatusRegisters csrs) {
        this.hart = hart;
        this.csrs = csrs;
        this.atomics = new AtomicExecutor(hart);
    }

    void execute(int fetched) throws Trap {
        if ((fetched & 3) != 3) {
            int expanded = CompressedExpander.expand(fetched);
            if (expanded == CompressedExpander.ILLEGAL) {
                throw new Trap(TrapCause.ILLEGAL_INSTRUCTION, fetched);
            }
            execute(expanded, 2, fetched);
        } else {
            execute(fetched, 4, fetched);
        }
    }

    private void execute(int insn, int length, int original) throws Trap {
        int[] x = hart.x;
        int pc = hart.pc;
        int next = pc + length;
        int rd = insn >>> 7 & 0x1F;
        int funct3 = insn >>> 12 & 7;
        int rs1 = insn >>> 15 & 0x1F;
        int rs2 = insn >>> 20 & 0x1F;
        int funct7 = insn >>> 25;
        int immI = insn >> 20;
        int result;
        switch (insn & 0x7F) {
            case 0x37 -> result = insn & 0xFFFF_F000;
            case 0x17 -> result = pc + (insn & 0xFFFF_F000);
            case 0x6F -> {
                result = next;
                next = pc + immJ(insn);
            }
            case 0x67 -> {
                if (funct3 != 0) {
                    throw illegal(original);
                }
                result = next;
                next = (x[rs1] + immI) & ~1;
            }
            case 0x63 -> {
                if (branchTaken(funct3, x[rs1], x[rs2], original)) {
                    next = pc + immB(insn);
                }
                result = 0;
                rd = 0;
            }
            case 0x03 -> result = load(funct3, x[rs1] + immI, original);
            case 0x23 -> {
                store(funct3, x[rs1] + immS(insn), x[rs2], original);
                result = 0;
                rd = 0;
            }
            case 0x13 -> result = opImmediate(funct3, x[rs1], immI, funct7, original);
            case 0x33 -> result = funct7 == FUNCT7_MULDIV ? MulDiv.apply(funct3, x[rs1], x[rs2])
                    : op(funct3, funct7, x[rs1], x[rs2], original);
            case 0x0F -> {
                if (funct3 > 1) {
                    throw illegal(original);
                }
                result = 0;
                rd = 0;
            }
            case 0x2F -> {
                if (funct3 != 2) {
                    throw illegal(original);
                }
                result = atomics.execute(funct7 >>> 2, x[rs1], x[rs2], rs2, original);
            }
            case 0x73 -> {
                if (funct3 == 0) {
                    next = system(insn, original, next);
                    result = 0;
                    rd = 0;
                } else if (insn >>> 20 == ControlStatusRegisters.JALMNXTI && csrs.eclic != null) {
                    int handler = hart.traps.claimNextInterrupt();
                    boolean jumps = handler != TrapEntry.NO_INTERRUPT;
                    result = jumps ? next : x[rd];
                    next = jumps ? handler : next;
                } else {
                    result = csr(insn, funct3, rd, rs1, original);
                }
            }
            default -> throw illegal(original);
        }
        if (rd != 0) {
            x[rd] = result;
        }
        hart.pc = next;
    }

    private static boolean branchTaken(int funct3, int a, int b, int original) throws Trap {
        return switch (funct3) {
            case 0 -> a == b;
            case 1 -> a != b;
            case 4 -> a < b;
            case 5 -> a >= b;
            case 6 -> Integer.compareUnsigned(a, b) < 0;
            case 7 -> Integer.compareUnsigned(a, b) >= 0;
            default -> throw illegal(original);
        };
    }

    private int load(int funct3, int address, int original) throws Trap {
        return switch (funct3) {
            case 0 -> (byte) hart.load(address, AccessSize.BYTE);
            case 1 -> (short) hart.load(address, AccessSize.HALFWORD);
            case 2 -> hart.load(address, AccessSize.WORD);
            case 4 -> hart.load(address, AccessSize.BYTE);
            case 5 -> hart.load(address, AccessSize.HALFWORD);
            default -> throw illegal(original);
        };
    }

    private void store(int funct3, int address, int value, int original) throws Trap {
        switch (funct3) {
            case 0 -> hart.store(address, AccessSize.BYTE, value & 0xFF);
            case 1 -> hart.store(address, AccessSize.HALFWORD, value & 0xFFFF);
            case 2 -> hart.store(address, AccessSize.WORD, value);
            default -> throw illegal(original);
        }
    }

    private static int opImmediate(int funct3, int a, int imm, int funct7, int original) throws Trap {
        int shamt = imm & 0x1F;
        return switch (funct3) {
            case 0 -> a + imm;
            case 1 -> {
                if (funct7 != FUNCT7_BASE) {
                    throw illegal(original);
                }
                yield a << shamt;
            }
            case 2 -> a < imm ? 1 : 0;
            case 3 -> Integer.compareUnsigned(a, imm) < 0 ? 1 : 0;
            case 4 -> a ^ imm;
            case 5 -> {
                if (funct7 == FUNCT7_BASE) {
                    yield a >>> shamt;
                }
                if (funct7 == FUNCT7_ALT) {
                    yield a >> shamt;
                }
                throw illegal(original);
            }
            case 6 -> a | imm;
            default -> a & imm;
        };
    }

    private static int op(int funct3, int funct7, int a, int b, int original) throws Trap {
        if (funct7 == FUNCT7_ALT) {
            return switch (funct3) {
                case 0 -> a - b;
                case 5 -> a >> (b & 0x1F);
                default -> throw illegal(original);
            };
        }
        if (funct7 != FUNCT7_BASE) {
            throw illegal(original);
        }
        return switch (funct3) {
            case 0 -> a + b;
            case 1 -> a << (b & 0x1F);
            case 2 -> a < b ? 1 : 0;
            case 3 -> Integer.compareUnsigned(a, b) < 0 ? 1 : 0;
            case 4 -> a ^ b;
            case 5 -> a >>> (b & 0x1F);
            case 6 -> a | b;
            default -> a & b;
        };
    }

    /** ECALL, EBREAK, MRET, WFI; returns the next pc. */
    private int system(int insn, int original, int next) throws Trap {
        switch (insn) {
            case 0x0000_0073 -> throw new Trap(TrapCause.ECALL_FROM_M, 0);
            case 0x0010_0073 -> throw hart.breakpoint();
            case 0x7B20_0073 -> {
                hart.debugReturn(original);
                return hart.pc;
            }
            case 0x3020_0073 -> {
                return hart.traps.returnFromTrap();
            }
            case 0x1050_0073 -> {
                hart.waitForInterrupt();
                return next;
            }
            default -> throw illegal(original);
        }
    }

    /** CSRRW/S/C and their immediate forms; CSRRW with rd = x0 does not read, S/C with rs1 = x0 (or uimm 0) do not write. */
    private int csr(int insn, int funct3, int rd, int rs1, int original) throws Trap {
        int csr = insn >>> 20;
        boolean immediate = (funct3 & 4) != 0;
        int operand = immediate ? rs1 : hart.x[rs1];
        int kind = funct3 & 3;
        if (kind == 0) {
            throw illegal(original);
        }
        boolean writes = kind == 1 || rs1 != 0;
        if (writes && ControlStatusRegisters.readOnly(csr)) {
            throw illegal(original);
        }
        int old = csrs.read(csr, original);
        if (csrs.eclic != null && pushes(csr)) {
            int pushed = csrs.read(csr == ControlStatusRegisters.PUSHMCAUSE ? ControlStatusRegisters.MCAUSE
                    : csr == ControlStatusRegisters.PUSHMEPC ? ControlStatusRegisters.MEPC : ControlStatusRegisters.MSUBM,
                    original);
            hart.store(hart.x[2] + 4 * operand, AccessSize.WORD, pushed);
            return old;
        }
        if (writes) {
            csrs.write(csr, switch (kind) {
                case 1 -> operand;
                case 2 -> old | operand;
                default -> old & ~operand;
            });
        }
        return old;
    }

    /** pushmcause, pushmepc, pushmsubm: a write stores the CSR at sp + 4 * the operand. */
    private static boolean pushes(int csr) {
        return csr == ControlStatusRegisters.PUSHMCAUSE || csr == ControlStatusRegisters.PUSHMEPC
                || csr == ControlStatusRegisters.PUSHMSUBM;
    }

    static Trap illegal(int original) {
        return new Trap(TrapCause.ILLEGAL_INSTRUCTION, original);
    }

    private static int immS(int insn) {
        return (insn >> 25) << 5 | (insn >>> 7 & 0x1F);
    }

    private static int immB(int insn) {
        return (insn >> 31) << 12 | (insn >>> 7 & 1) << 11 | (insn >>> 25 & 0x3F) << 5 | (insn >>> 8 & 0xF) << 1;
    }

    private static int immJ(int insn) {
        return (insn >> 31) << 20 | (insn >>> 12 & 0xFF) << 12 | (insn >>> 20 & 1) << 11 | (insn >>> 21 & 0x3FF) << 1;
    }
}
