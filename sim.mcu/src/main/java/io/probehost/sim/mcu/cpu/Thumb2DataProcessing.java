package io.probehost.sim.mcu.cpu;

/**
 * ARMv7-M 32-bit data processing: modified immediates (ThumbExpandImm), shifted registers
 * (DecodeImmShift with RRX), plain binary immediates (ADDW, SUBW, ADR, MOVW, MOVT, SSAT, USAT,
 * SBFX, UBFX, BFI, BFC), shifts by register, SXTB/SXTH/UXTB/UXTH with rotation, REV, REV16,
 * REVSH, RBIT, CLZ, MUL, MLA, MLS, the 64-bit multiplies and SDIV/UDIV. The DSP extension of
 * ARMv7E-M is not implemented: its encodings are undefined instructions, as on a Cortex-M3.
 */
final class Thumb2DataProcessing {
    private static final int AND = 0x0;
    private static final int BIC = 0x1;
    private static final int ORR = 0x2;
    private static final int ORN = 0x3;
    private static final int EOR = 0x4;
    private static final int ADD = 0x8;
    private static final int ADC = 0xA;
    private static final int SBC = 0xB;
    private static final int SUB = 0xD;
    private static final int RSB = 0xE;

    private final Core core;
    private final Registers r;
    private final Alu alu;
    /** The shifter's carry out of the last {@link #expandImmediate} or {@link #shift}. */
    private boolean carry;

    Thumb2DataProcessing(Core core, Alu alu) {
        this.core = core;
        this.r = core.regs;
        this.alu = alu;
    }

    private int undefined() {
        throw core.fault(ExceptionState.USAGE_FAULT, ControlRegisters.CFSR_UNDEFINSTR);
    }

    int modifiedImmediate(int hw1, int hw2) {
        int imm12 = ((hw1 & 0x400) << 1) | ((hw2 >>> 4) & 0x700) | (hw2 & 0xFF);
        int operand = expandImmediate(imm12);
        return operate((hw1 >>> 5) & 0xF, (hw1 & 0x10) != 0, hw1 & 0xF, (hw2 >>> 8) & 0xF, operand);
    }

    int shiftedRegister(int hw1, int hw2) {
        int amount = ((hw2 >>> 10) & 0x1C) | ((hw2 >>> 6) & 3);
        int operand = shift(r.get(hw2 & 0xF), (hw2 >>> 4) & 3, amount);
        return operate((hw1 >>> 5) & 0xF, (hw1 & 0x10) != 0, hw1 & 0xF, (hw2 >>> 8) & 0xF, operand);
    }

    /** ThumbExpandImm_C: the carry is APSR.C unless the constant is a rotation. */
    private int expandImmediate(int imm12) {
        int imm8 = imm12 & 0xFF;
        carry = r.c;
        if ((imm12 & 0xC00) == 0) {
            switch ((imm12 >>> 8) & 3) {
                case 0: return imm8;
                case 1: return imm8 * 0x0001_0001;
                case 2: return imm8 * 0x0100_0100;
                default: return imm8 * 0x0101_0101;
            }
        }
        int value = Integer.rotateRight(0x80 | (imm12 & 0x7F), imm12 >>> 7);
        carry = value < 0;
        return value;
    }

    /** Shift_C with an immediate amount as DecodeImmShift gives it (LSR/ASR #0 mean 32, ROR #0 is RRX). */
    private int shift(int value, int type, int amount) {
        carry = r.c;
        switch (type) {
            case 0:
                if (amount == 0) {
                    return value;
                }
                carry = ((value >>> (32 - amount)) & 1) != 0;
                return value << amount;
            case 1:
                if (amount == 0) {
                    carry = value < 0;
                    return 0;
                }
                carry = ((value >>> (amount - 1)) & 1) != 0;
                return value >>> amount;
            case 2:
                if (amount == 0) {
                    carry = value < 0;
                    return value >> 31;
                }
                carry = ((value >> (amount - 1)) & 1) != 0;
                return value >> amount;
            default:
                if (amount == 0) {
                    int result = (value >>> 1) | (r.c ? 0x8000_0000 : 0);
                    carry = (value & 1) != 0;
                    return result;
                }
                carry = ((value >>> (amount - 1)) & 1) != 0;
                return Integer.rotateRight(value, amount);
        }
    }

    /** The data-processing operations shared by the immediate and shifted-register encodings. */
    private int operate(int op, boolean setFlags, int rn, int rd, int y) {
        int x = r.get(rn);
        boolean test = rd == 15 && setFlags;
        int result;
        switch (op) {
            case AND: result = x & y; break;
            case BIC: result = x & ~y; break;
            case ORR: result = rn == 15 ? y : x | y; break;
            case ORN: result = rn == 15 ? ~y : x | ~y; break;
            case EOR: result = x ^ y; break;
            case ADD: result = alu.addWithCarry(x, y, false, setFlags); break;
            case ADC: result = alu.addWithCarry(x, y, r.c, setFlags); break;
            case SBC: result = alu.addWithCarry(x, ~y, r.c, setFlags); break;
            case SUB: result = alu.addWithCarry(x, ~y, true, setFlags); break;
            case RSB: result = alu.addWithCarry(~x, y, true, setFlags); break;
            default: return undefined();
        }
        if (op <= EOR && setFlags) {
            r.n = result < 0;
            r.z = result == 0;
            r.c = carry;
        }
        boolean compare = test && (op == AND || op == EOR || op == ADD || op == SUB);
        if (!compare) {
            if (rd == 15) {
                return undefined();
            }
            r.set(rd, result);
        }
        return 1;
    }

    int plainImmediate(int pc, int hw1, int hw2) {
        int rn = hw1 & 0xF;
        int rd = (hw2 >>> 8) & 0xF;
        int imm12 = ((hw1 & 0x400) << 1) | ((hw2 >>> 4) & 0x700) | (hw2 & 0xFF);
        int imm16 = ((hw1 & 0xF) << 12) | imm12;
        int lsb = ((hw2 >>> 10) & 0x1C) | ((hw2 >>> 6) & 3);
        int field = hw2 & 0x1F;
        switch ((hw1 >>> 4) & 0x1F) {
            case 0x00: r.set(rd, (rn == 15 ? (pc + 4) & ~3 : r.get(rn)) + imm12); return 1;
            case 0x0A: r.set(rd, (rn == 15 ? (pc + 4) & ~3 : r.get(rn)) - imm12); return 1;
            case 0x04: r.set(rd, imm16); return 1;
            case 0x0C: r.set(rd, (r.get(rd) & 0xFFFF) | (imm16 << 16)); return 1;
            case 0x10:
            case 0x12:
                if ((hw1 & 0x20) != 0 && lsb == 0) {
                    return undefined(); // SSAT16 (DSP)
                }
                r.set(rd, signedSaturate(shift(r.get(rn), (hw1 >>> 4) & 2, lsb), field + 1));
                return 1;
            case 0x18:
            case 0x1A:
                if ((hw1 & 0x20) != 0 && lsb == 0) {
                    return undefined(); // USAT16 (DSP)
                }
                r.set(rd, unsignedSaturate(shift(r.get(rn), (hw1 >>> 4) & 2, lsb), field));
                return 1;
            case 0x14:
            case 0x1C: {
                if (lsb + field > 31) {
                    return undefined();
                }
                int value = r.get(rn) << (31 - lsb - field);
                r.set(rd, (hw1 & 0x80) != 0 ? value >>> (31 - field) : value >> (31 - field));
                return 1;
            }
            case 0x16: {
                if (field < lsb) {
                    return undefined();
                }
                int mask = (int) ((1L << (field + 1)) - (1L << lsb));
                int source = rn == 15 ? 0 : r.get(rn) << lsb;
                r.set(rd, (r.get(rd) & ~mask) | (source & mask));
                return 1;
            }
            default:
                return undefined();
        }
    }

    /** SignedSatQ to {@code bits} (1-32); sets Q when it saturates. */
    private int signedSaturate(int value, int bits) {
        long max = (1L << (bits - 1)) - 1;
        long min = -(1L << (bits - 1));
        if (value > max) {
            r.q = true;
            return (int) max;
        }
        if (value < min) {
            r.q = true;
            return (int) min;
        }
        return value;
    }

    /** UnsignedSatQ of a signed value to {@code bits} (0-31); sets Q when it saturates. */
    private int unsignedSaturate(int value, int bits) {
        long max = (1L << bits) - 1;
        if (value < 0) {
            r.q = true;
            return 0;
        }
        if (value > max) {
            r.q = true;
            return (int) max;
        }
        return value;
    }

    int registerOrMultiply(int hw1, int hw2) {
        if ((hw1 & 0x0100) == 0) {
            return dataProcessingRegister(hw1, hw2);
        }
        return (hw1 & 0x0080) == 0 ? multiply(hw1, hw2) : longMultiplyOrDivide(hw1, hw2);
    }

    private int dataProcessingRegister(int hw1, int hw2) {
        if ((hw2 & 0xF000) != 0xF000) {
            return undefined();
        }
        int op1 = (hw1 >>> 4) & 0xF;
        int op2 = (hw2 >>> 4) & 0xF;
        int rn = hw1 & 0xF;
        int rd = (hw2 >>> 8) & 0xF;
        int m = r.get(hw2 & 0xF);
        if ((op1 & 8) == 0 && op2 == 0) {
            return shiftByRegister(op1, r.get(rn), m, rd);
        }
        if ((op1 & 8) == 0 && (op2 & 8) != 0) {
            if (rn != 15) {
                return undefined(); // SXTAH and friends (DSP)
            }
            int x = Integer.rotateRight(m, (op2 & 3) * 8);
            switch (op1) {
                case 0: r.set(rd, (short) x); return 1;
                case 1: r.set(rd, x & 0xFFFF); return 1;
                case 4: r.set(rd, (byte) x); return 1;
                case 5: r.set(rd, x & 0xFF); return 1;
                default: return undefined();
            }
        }
        if ((op1 & 0xC) == 0x8 && (op2 & 0xC) == 0x8) {
            switch (((op1 & 3) << 2) | (op2 & 3)) {
                case 0x4: r.set(rd, Integer.reverseBytes(m)); return 1;
                case 0x5: r.set(rd, ((m & 0x00FF00FF) << 8) | ((m >>> 8) & 0x00FF00FF)); return 1;
                case 0x6: r.set(rd, Integer.reverse(m)); return 1;
                case 0x7: r.set(rd, (short) (((m & 0xFF) << 8) | ((m >>> 8) & 0xFF))); return 1;
                case 0xC: r.set(rd, Integer.numberOfLeadingZeros(m)); return 1;
                default: return undefined();
            }
        }
        return undefined();
    }

    /** LSL, LSR, ASR, ROR by register; with S clear the flags stay. */
    private int shiftByRegister(int op1, int x, int amount, int rd) {
        boolean n = r.n;
        boolean z = r.z;
        boolean c = r.c;
        int result;
        switch (op1 >>> 1) {
            case 0: result = alu.lslRegister(x, amount); break;
            case 1: result = alu.lsrRegister(x, amount); break;
            case 2: result = alu.asrRegister(x, amount); break;
            default: result = alu.rorRegister(x, amount); break;
        }
        if ((op1 & 1) == 0) {
            r.n = n;
            r.z = z;
            r.c = c;
        }
        r.set(rd, result);
        return 1;
    }

    private int multiply(int hw1, int hw2) {
        int ra = (hw2 >>> 12) & 0xF;
        int rd = (hw2 >>> 8) & 0xF;
        int product = r.get(hw1 & 0xF) * r.get(hw2 & 0xF);
        if (((hw1 >>> 4) & 7) != 0) {
            return undefined();
        }
        switch ((hw2 >>> 4) & 0xF) {
            case 0: r.set(rd, ra == 15 ? product : product + r.get(ra)); return ra == 15 ? 1 : 2;
            case 1: r.set(rd, r.get(ra) - product); return 2;
            default: return undefined();
        }
    }

    private int longMultiplyOrDivide(int hw1, int hw2) {
        int rdLo = (hw2 >>> 12) & 0xF;
        int rdHi = (hw2 >>> 8) & 0xF;
        int n = r.get(hw1 & 0xF);
        int m = r.get(hw2 & 0xF);
        int op = (((hw1 >>> 4) & 7) << 4) | ((hw2 >>> 4) & 0xF);
        long accumulator = ((long) r.get(rdHi) << 32) | (r.get(rdLo) & 0xFFFF_FFFFL);
        long result;
        switch (op) {
            case 0x00: result = (long) n * m; break;
            case 0x20: result = (n & 0xFFFF_FFFFL) * (m & 0xFFFF_FFFFL); break;
            case 0x40: result = (long) n * m + accumulator; break;
            case 0x60: result = (n & 0xFFFF_FFFFL) * (m & 0xFFFF_FFFFL) + accumulator; break;
            case 0x1F: return divide(rdHi, n, m, true);
            case 0x3F: return divide(rdHi, n, m, false);
            default: return undefined();
        }
        r.set(rdLo, (int) result);
        r.set(rdHi, (int) (result >>> 32));
        return 4;
    }

    /** SDIV/UDIV: division by zero gives 0, or a UsageFault (DIVBYZERO) with CCR.DIV_0_TRP. */
    private int divide(int rd, int n, int m, boolean signed) {
        if (m == 0) {
            if ((core.controlRegisters().ccr() & ControlRegisters.CCR_DIV_0_TRP) != 0) {
                throw core.fault(ExceptionState.USAGE_FAULT, ControlRegisters.CFSR_DIVBYZERO);
            }
            r.set(rd, 0);
        } else {
            r.set(rd, signed ? n / m : Integer.divideUnsigned(n, m));
        }
        return 6;
    }
}
