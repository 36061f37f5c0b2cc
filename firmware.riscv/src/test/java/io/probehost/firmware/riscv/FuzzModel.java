package io.probehost.firmware.riscv;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntBinaryOperator;

/**
 * fuzz.c replayed in Java: the same PRNG draws in the same order give the same blocks, and each
 * generated instruction is applied to a register file from its meaning in the spec (not from its
 * encoding), so QEMU's folds can be checked independently of any decoder.
 */
final class FuzzModel {
    static final int BLOCKS = 96;
    static final int SLOTS = 24;
    private static final int[] EDGES = {0, 1, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF, 31, 32, 0xFFFF_0000};

    /** One generated instruction: its encoding (16 or 32 bits) and what it does. */
    record Instruction(int encoding, String text, Effect effect) {
    }

    interface Effect {
        void apply(int[] x);
    }

    private int state = 0x9E37_79B9;
    private final List<List<Instruction>> blocks = new ArrayList<>();
    private final int[] folds = new int[BLOCKS];

    FuzzModel() {
        for (int b = 0; b < BLOCKS; b++) {
            List<Instruction> block = new ArrayList<>();
            for (int s = 0; s < SLOTS; s++) {
                if (below(2) != 0) {
                    block.add(instruction32());
                } else {
                    block.add(instruction16());
                    block.add(instruction16());
                }
            }
            int[] x = new int[32];
            for (int r = 5; r < 32; r++) {
                x[r] = below(4) != 0 ? prng() : EDGES[below(8)];
            }
            for (Instruction instruction : block) {
                instruction.effect().apply(x);
                x[0] = 0;
            }
            int hash = 0x811C_9DC5;
            for (int r = 5; r < 32; r++) {
                hash = (hash ^ x[r]) * 0x0100_0193;
            }
            folds[b] = hash;
            blocks.add(block);
        }
    }

    int fold(int block) {
        return folds[block];
    }

    int prngState() {
        return state;
    }

    List<Instruction> block(int index) {
        return blocks.get(index);
    }

    private int prng() {
        int x = state;
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        return state = x;
    }

    private int below(int n) {
        return Integer.remainderUnsigned(prng(), n);
    }

    private int rd() {
        return 5 + below(27);
    }

    private int rs() {
        int r = below(28);
        return r == 0 ? 0 : r + 4;
    }

    private static long u(int v) {
        return v & 0xFFFF_FFFFL;
    }

    private static final String[] BASE = {"add", "sll", "slt", "sltu", "xor", "srl", "or", "and"};
    private static final IntBinaryOperator[] BASE_OPS = {Integer::sum, (a, b) -> a << (b & 31), (a, b) -> a < b ? 1 : 0,
        (a, b) -> u(a) < u(b) ? 1 : 0, (a, b) -> a ^ b, (a, b) -> (int) (u(a) >>> (b & 31)), (a, b) -> a | b, (a, b) -> a & b};
    private static final String[] MULDIV = {"mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu"};
    private static final IntBinaryOperator[] MULDIV_OPS = {(a, b) -> a * b, (a, b) -> (int) (((long) a * b) >> 32),
        (a, b) -> (int) (((long) a * u(b)) >> 32), (a, b) -> (int) ((u(a) * u(b)) >>> 32),
        (a, b) -> b == 0 ? -1 : (a == Integer.MIN_VALUE && b == -1) ? a : a / b,
        (a, b) -> b == 0 ? -1 : (int) (u(a) / u(b)),
        (a, b) -> b == 0 ? a : (a == Integer.MIN_VALUE && b == -1) ? 0 : a % b,
        (a, b) -> b == 0 ? a : (int) (u(a) % u(b))};

    private Instruction register(int funct7, int funct3) {
        int rs2 = rs();
        int rs1 = rs();
        int d = rd();
        String name;
        IntBinaryOperator op;
        if (funct7 == 1) {
            name = MULDIV[funct3];
            op = MULDIV_OPS[funct3];
        } else if (funct7 == 0x20) {
            name = funct3 == 0 ? "sub" : "sra";
            op = funct3 == 0 ? (a, b) -> a - b : (a, b) -> a >> (b & 31);
        } else {
            name = BASE[funct3];
            op = BASE_OPS[funct3];
        }
        int encoding = funct7 << 25 | rs2 << 20 | rs1 << 15 | funct3 << 12 | d << 7 | 0x33;
        return new Instruction(encoding, String.format("%s x%d, x%d, x%d", name, d, rs1, rs2),
                x -> x[d] = op.applyAsInt(x[rs1], x[rs2]));
    }

    private Instruction instruction32() {
        switch (below(5)) {
            case 0:
                return register(0, below(8));
            case 1:
                return register(0x20, below(2) == 0 ? 0 : 5);
            case 2:
                return register(1, below(8));
            case 3: {
                int funct3 = below(8);
                int imm = prng() & 0xFFF;
                if (funct3 == 1) {
                    imm &= 0x1F;
                } else if (funct3 == 5) {
                    imm = (imm & 0x1F) | (below(2) != 0 ? 0x400 : 0);
                }
                int rs1 = rs();
                int d = rd();
                int value = imm << 20 >> 20;
                int shamt = imm & 0x1F;
                boolean arithmetic = (imm & 0x400) != 0;
                IntBinaryOperator op = switch (funct3) {
                    case 0 -> (a, i) -> a + i;
                    case 1 -> (a, i) -> a << shamt;
                    case 2 -> (a, i) -> a < i ? 1 : 0;
                    case 3 -> (a, i) -> u(a) < u(i) ? 1 : 0;
                    case 4 -> (a, i) -> a ^ i;
                    case 5 -> arithmetic ? (a, i) -> a >> shamt : (a, i) -> a >>> shamt;
                    case 6 -> (a, i) -> a | i;
                    default -> (a, i) -> a & i;
                };
                int encoding = imm << 20 | rs1 << 15 | funct3 << 12 | d << 7 | 0x13;
                return new Instruction(encoding, String.format("op-imm%d x%d, x%d, %d", funct3, d, rs1, value),
                        x -> x[d] = op.applyAsInt(x[rs1], value));
            }
            default: {
                int upper = prng() & 0xFFFF_F000;
                int d = rd();
                return new Instruction(upper | d << 7 | 0x37, String.format("lui x%d, 0x%05x", d, upper >>> 12),
                        x -> x[d] = upper);
            }
        }
    }

    private Instruction instruction16() {
        int d = rd();
        int imm = prng() & 0x3F;
        int dp = 8 + below(8);
        int sp = 8 + below(8);
        int rs2 = 5 + below(27);
        int simm = imm << 26 >> 26;
        switch (below(10)) {
            case 0:
                return c(0x4001 | (imm >> 5) << 12 | d << 7 | (imm & 0x1F) << 2, "c.li x" + d + ", " + simm, x -> x[d] = simm);
            case 1:
                return c(0x0001 | (imm >> 5) << 12 | d << 7 | (imm & 0x1F) << 2, "c.addi x" + d + ", " + simm, x -> x[d] += simm);
            case 2: {
                int v;
                do {
                    v = prng() & 0x3F;
                } while (v == 0);
                int upper = (v << 26 >> 26) << 12;
                return c(0x6001 | (v >> 5) << 12 | d << 7 | (v & 0x1F) << 2, "c.lui x" + d, x -> x[d] = upper);
            }
            case 3:
                return c(0x0002 | d << 7 | (imm & 0x1F) << 2, "c.slli x" + d, x -> x[d] <<= imm & 0x1F);
            case 4:
                return c(0x8002 | d << 7 | rs2 << 2, "c.mv x" + d + ", x" + rs2, x -> x[d] = x[rs2]);
            case 5:
                return c(0x9002 | d << 7 | rs2 << 2, "c.add x" + d + ", x" + rs2, x -> x[d] += x[rs2]);
            case 6: {
                int arithmetic = below(2);
                int shamt = imm & 0x1F;
                return c(0x8001 | arithmetic << 10 | (dp - 8) << 7 | shamt << 2, (arithmetic != 0 ? "c.srai x" : "c.srli x") + dp,
                        arithmetic != 0 ? x -> x[dp] >>= shamt : x -> x[dp] >>>= shamt);
            }
            case 7:
                return c(0x8801 | (imm >> 5) << 12 | (dp - 8) << 7 | (imm & 0x1F) << 2, "c.andi x" + dp + ", " + simm,
                        x -> x[dp] &= simm);
            default: {
                int which = below(4);
                Effect effect = switch (which) {
                    case 0 -> x -> x[dp] -= x[sp];
                    case 1 -> x -> x[dp] ^= x[sp];
                    case 2 -> x -> x[dp] |= x[sp];
                    default -> x -> x[dp] &= x[sp];
                };
                return c(0x8C01 | (dp - 8) << 7 | which << 5 | (sp - 8) << 2,
                        new String[] {"c.sub", "c.xor", "c.or", "c.and"}[which] + " x" + dp + ", x" + sp, effect);
            }
        }
    }

    private static Instruction c(int encoding, String text, Effect effect) {
        return new Instruction(encoding, text, effect);
    }
}
