package io.probehost.sim.riscv;

/**
 * RV32C: turns a 16-bit instruction into the 32-bit instruction it stands for (unprivileged spec,
 * chapter "C" tables 16.5 to 16.7), or {@link #ILLEGAL} for a reserved encoding, an RV64-only
 * shift amount and the floating-point loads and stores (no F or D here). HINTs (rd = x0, shift
 * amount 0) expand to their base instruction, which does nothing visible.
 */
final class CompressedExpander {
    /** Not a valid instruction (the all-zero word is illegal in both lengths). */
    static final int ILLEGAL = 0;

    private static final int LOAD = 0x03;
    private static final int OP_IMM = 0x13;
    private static final int STORE = 0x23;
    private static final int OP = 0x33;
    private static final int LUI = 0x37;
    private static final int BRANCH = 0x63;
    private static final int JALR = 0x67;
    private static final int JAL = 0x6F;
    private static final int EBREAK = 0x0010_0073;

    private CompressedExpander() {
    }

    static int expand(int c) {
        return switch (c & 3) {
            case 0 -> quadrant0(c);
            case 1 -> quadrant1(c);
            case 2 -> quadrant2(c);
            default -> throw new IllegalArgumentException("not a compressed instruction: " + Integer.toHexString(c));
        };
    }

    private static int quadrant0(int c) {
        int rdPrime = 8 + bits(c, 4, 2);
        int rs1Prime = 8 + bits(c, 9, 7);
        int offset = bits(c, 12, 10) << 3 | bit(c, 6) << 2 | bit(c, 5) << 6;
        switch (bits(c, 15, 13)) {
            case 0: {
                int imm = bits(c, 12, 11) << 4 | bits(c, 10, 7) << 6 | bit(c, 6) << 2 | bit(c, 5) << 3;
                return imm == 0 ? ILLEGAL : iType(imm, 2, 0, rdPrime, OP_IMM);
            }
            case 2:
                return iType(offset, rs1Prime, 2, rdPrime, LOAD);
            case 6:
                return sType(offset, rdPrime, rs1Prime, 2);
            default:
                return ILLEGAL;
        }
    }

    private static int quadrant1(int c) {
        int rd = bits(c, 11, 7);
        int imm6 = signExtend(bit(c, 12) << 5 | bits(c, 6, 2), 6);
        int rdPrime = 8 + bits(c, 9, 7);
        int rs2Prime = 8 + bits(c, 4, 2);
        switch (bits(c, 15, 13)) {
            case 0:
                return iType(imm6, rd, 0, rd, OP_IMM);
            case 1:
                return jType(jumpOffset(c), 1);
            case 2:
                return iType(imm6, 0, 0, rd, OP_IMM);
            case 3: {
                if (rd == 2) {
                    int imm = signExtend(bit(c, 12) << 9 | bit(c, 6) << 4 | bit(c, 5) << 6 | bits(c, 4, 3) << 7
                            | bit(c, 2) << 5, 10);
                    return imm == 0 ? ILLEGAL : iType(imm, 2, 0, 2, OP_IMM);
                }
                return imm6 == 0 ? ILLEGAL : (imm6 << 12) | rd << 7 | LUI;
            }
            case 4: {
                int shamt = bits(c, 6, 2);
                switch (bits(c, 11, 10)) {
                    case 0:
                        return bit(c, 12) != 0 ? ILLEGAL : iType(shamt, rdPrime, 5, rdPrime, OP_IMM);
                    case 1:
                        return bit(c, 12) != 0 ? ILLEGAL : iType(0x400 | shamt, rdPrime, 5, rdPrime, OP_IMM);
                    case 2:
                        return iType(imm6, rdPrime, 7, rdPrime, OP_IMM);
                    default:
                        if (bit(c, 12) != 0) {
                            return ILLEGAL;
                        }
                        return switch (bits(c, 6, 5)) {
                            case 0 -> rType(0x20, rs2Prime, rdPrime, 0, rdPrime);
                            case 1 -> rType(0, rs2Prime, rdPrime, 4, rdPrime);
                            case 2 -> rType(0, rs2Prime, rdPrime, 6, rdPrime);
                            default -> rType(0, rs2Prime, rdPrime, 7, rdPrime);
                        };
                }
            }
            case 5:
                return jType(jumpOffset(c), 0);
            default: {
                int offset = signExtend(bit(c, 12) << 8 | bits(c, 11, 10) << 3 | bits(c, 6, 5) << 6 | bits(c, 4, 3) << 1
                        | bit(c, 2) << 5, 9);
                return bType(offset, 0, rdPrime, bits(c, 15, 13) == 6 ? 0 : 1);
            }
        }
    }

    private static int quadrant2(int c) {
        int rd = bits(c, 11, 7);
        int rs2 = bits(c, 6, 2);
        switch (bits(c, 15, 13)) {
            case 0:
                return bit(c, 12) != 0 ? ILLEGAL : iType(rs2, rd, 1, rd, OP_IMM);
            case 2: {
                int offset = bit(c, 12) << 5 | bits(c, 6, 4) << 2 | bits(c, 3, 2) << 6;
                return rd == 0 ? ILLEGAL : iType(offset, 2, 2, rd, LOAD);
            }
            case 4:
                if (bit(c, 12) == 0) {
                    if (rs2 == 0) {
                        return rd == 0 ? ILLEGAL : iType(0, rd, 0, 0, JALR);
                    }
                    return rType(0, rs2, 0, 0, rd);
                }
                if (rs2 == 0) {
                    return rd == 0 ? EBREAK : iType(0, rd, 0, 1, JALR);
                }
                return rType(0, rs2, rd, 0, rd);
            case 6: {
                int offset = bits(c, 12, 9) << 2 | bits(c, 8, 7) << 6;
                return sType(offset, rs2, 2, 2);
            }
            default:
                return ILLEGAL;
        }
    }

    private static int jumpOffset(int c) {
        return signExtend(bit(c, 12) << 11 | bit(c, 11) << 4 | bits(c, 10, 9) << 8 | bit(c, 8) << 10 | bit(c, 7) << 6
                | bit(c, 6) << 7 | bits(c, 5, 3) << 1 | bit(c, 2) << 5, 12);
    }

    static int iType(int imm, int rs1, int funct3, int rd, int opcode) {
        return (imm & 0xFFF) << 20 | rs1 << 15 | funct3 << 12 | rd << 7 | opcode;
    }

    static int sType(int imm, int rs2, int rs1, int funct3) {
        return (imm >> 5 & 0x7F) << 25 | rs2 << 20 | rs1 << 15 | funct3 << 12 | (imm & 0x1F) << 7 | STORE;
    }

    static int rType(int funct7, int rs2, int rs1, int funct3, int rd) {
        return funct7 << 25 | rs2 << 20 | rs1 << 15 | funct3 << 12 | rd << 7 | OP;
    }

    static int bType(int imm, int rs2, int rs1, int funct3) {
        return (imm >> 12 & 1) << 31 | (imm >> 5 & 0x3F) << 25 | rs2 << 20 | rs1 << 15 | funct3 << 12
                | (imm >> 1 & 0xF) << 8 | (imm >> 11 & 1) << 7 | BRANCH;
    }

    static int jType(int imm, int rd) {
        return (imm >> 20 & 1) << 31 | (imm >> 1 & 0x3FF) << 21 | (imm >> 11 & 1) << 20 | (imm >> 12 & 0xFF) << 12
                | rd << 7 | JAL;
    }

    private static int bit(int value, int position) {
        return value >>> position & 1;
    }

    private static int bits(int value, int high, int low) {
        return value >>> low & ((1 << (high - low + 1)) - 1);
    }

    private static int signExtend(int value, int width) {
        return value << (32 - width) >> (32 - width);
    }
}
