package io.probehost.firmware;

/**
 * Executes the Thumb-1 instruction classes the fuzz programs generate (shifts by immediate,
 * ADD/SUB register and immediate, MOV/CMP/ADD/SUB #imm8, the 16 register data-processing
 * operations, ADD/CMP/MOV with high registers, extends and reverses, and LDR/STR of every width
 * with immediate or register offset) on a state of r0-r12 and APSR plus a scratch memory, written
 * from the ARMv6-M manual, so it can judge both emulators.
 */
final class ThumbAluInterpreter {
    static final int STATE_WORDS = 14;
    static final int APSR = 13;
    static final short BX_LR = 0x4770;

    private ThumbAluInterpreter() {
    }

    /** Runs {@code code} up to its BX LR on a copy of {@code input}; returns the final state. */
    static int[] run(int[] input, short[] code, ScratchMemory memory) {
        int[] state = input.clone();
        for (int index = 0; index < code.length; index++) {
            int h = code[index] & 0xFFFF;
            if (h == (BX_LR & 0xFFFF)) {
                return state;
            }
            if ((h & 0xF000) == 0xD000 && (h & 0x0F00) < 0x0E00) {
                if ((Thumb1Flags.conditionMask(state[APSR]) & (1 << ((h >> 8) & 15))) != 0) {
                    index += (byte) h + 1; // target = this + 4 + 2 * imm8, in halfwords
                }
            } else if ((h & 0xF800) == 0xE000) {
                index += ((h << 21) >> 21) + 1;
            } else {
                step(state, h, memory);
            }
        }
        throw new IllegalArgumentException("block without BX LR");
    }

    static void step(int[] r, int h, ScratchMemory memory) {
        int f = r[APSR];
        if ((h & 0xF000) == 0x5000 || (h & 0xE000) == 0x6000 || (h & 0xF000) == 0x8000) {
            loadStore(r, h, memory);
        } else if ((h & 0xE000) == 0x0000 && (h & 0x1800) != 0x1800) {
            shiftImmediate(r, h, f);
        } else if ((h & 0xF800) == 0x1800) {
            int n = r[(h >> 3) & 7];
            int x = (h >> 6) & 7;
            int operand = (h & 0x0400) != 0 ? x : r[x];
            boolean subtract = (h & 0x0200) != 0;
            set(r, h & 7, subtract ? n - operand : n + operand,
                    subtract ? Thumb1Flags.subFlags(n, operand, 1) : Thumb1Flags.addFlags(n, operand, 0));
        } else if ((h & 0xE000) == 0x2000) {
            immediate8(r, h, f);
        } else if ((h & 0xFC00) == 0x4000) {
            dataProcessing(r, (h >> 6) & 15, (h >> 3) & 7, h & 7, f);
        } else if ((h & 0xFC00) == 0x4400) {
            highRegisters(r, h);
        } else if ((h & 0xFF00) == 0xB200) {
            int m = r[(h >> 3) & 7];
            int[] results = {(short) m, (byte) m, m & 0xFFFF, m & 0xFF};
            r[h & 7] = results[(h >> 6) & 3];
        } else if ((h & 0xFF00) == 0xBA00 && ((h >> 6) & 3) != 2) {
            int m = r[(h >> 3) & 7];
            int op = (h >> 6) & 3;
            r[h & 7] = op == 0 ? Integer.reverseBytes(m)
                    : op == 1 ? ((m >>> 8) & 0x00FF00FF) | ((m << 8) & 0xFF00FF00)
                    : (short) (((m & 0xFF) << 8) | ((m >>> 8) & 0xFF));
        } else {
            throw new IllegalArgumentException(String.format("not a generated instruction: 0x%04X", h));
        }
    }

    private static void loadStore(int[] r, int h, ScratchMemory memory) {
        int t = h & 7;
        int base = r[(h >> 3) & 7];
        if ((h & 0xF000) == 0x5000) {
            int address = base + r[(h >> 6) & 7];
            switch ((h >> 9) & 7) {
                case 0 -> memory.write(address, 4, r[t]);
                case 1 -> memory.write(address, 2, r[t]);
                case 2 -> memory.write(address, 1, r[t]);
                case 3 -> r[t] = (byte) memory.read(address, 1);
                case 4 -> r[t] = memory.read(address, 4);
                case 5 -> r[t] = memory.read(address, 2);
                case 6 -> r[t] = memory.read(address, 1);
                default -> r[t] = (short) memory.read(address, 2);
            }
            return;
        }
        int size = (h & 0xF000) == 0x8000 ? 2 : (h & 0x1000) != 0 ? 1 : 4;
        int address = base + size * ((h >> 6) & 31);
        if ((h & 0x0800) != 0) {
            r[t] = memory.read(address, size);
        } else {
            memory.write(address, size, r[t]);
        }
    }

    private static void set(int[] r, int d, int value, int flags) {
        r[d] = value;
        r[APSR] = flags;
    }

    private static void shiftImmediate(int[] r, int h, int f) {
        int op = (h >> 11) & 3;
        int imm5 = (h >> 6) & 31;
        int m = r[(h >> 3) & 7];
        int[] out = op == 0 ? Thumb1Flags.lsl(m, imm5, f)
                : op == 1 ? Thumb1Flags.lsr(m, imm5 == 0 ? 32 : imm5, f)
                : Thumb1Flags.asr(m, imm5 == 0 ? 32 : imm5, f);
        set(r, h & 7, out[0], out[1]);
    }

    private static void immediate8(int[] r, int h, int f) {
        int d = (h >> 8) & 7;
        int imm = h & 0xFF;
        switch ((h >> 11) & 3) {
            case 0 -> set(r, d, imm, Thumb1Flags.nz(imm, f));
            case 1 -> r[APSR] = Thumb1Flags.subFlags(r[d], imm, 1);
            case 2 -> set(r, d, r[d] + imm, Thumb1Flags.addFlags(r[d], imm, 0));
            default -> set(r, d, r[d] - imm, Thumb1Flags.subFlags(r[d], imm, 1));
        }
    }

    private static void dataProcessing(int[] r, int op, int m, int dn, int f) {
        int a = r[dn];
        int b = r[m];
        int c = Thumb1Flags.carry(f);
        switch (op) {
            case 0 -> set(r, dn, a & b, Thumb1Flags.nz(a & b, f));
            case 1 -> set(r, dn, a ^ b, Thumb1Flags.nz(a ^ b, f));
            case 2 -> shifted(r, dn, Thumb1Flags.lsl(a, b, f));
            case 3 -> shifted(r, dn, Thumb1Flags.lsr(a, b, f));
            case 4 -> shifted(r, dn, Thumb1Flags.asr(a, b, f));
            case 5 -> set(r, dn, a + b + c, Thumb1Flags.addFlags(a, b, c));
            case 6 -> set(r, dn, a - b - (1 - c), Thumb1Flags.subFlags(a, b, c));
            case 7 -> shifted(r, dn, Thumb1Flags.ror(a, b, f));
            case 8 -> r[APSR] = Thumb1Flags.nz(a & b, f);
            case 9 -> set(r, dn, -b, Thumb1Flags.subFlags(0, b, 1));
            case 10 -> r[APSR] = Thumb1Flags.subFlags(a, b, 1);
            case 11 -> r[APSR] = Thumb1Flags.addFlags(a, b, 0);
            case 12 -> set(r, dn, a | b, Thumb1Flags.nz(a | b, f));
            case 13 -> set(r, dn, a * b, Thumb1Flags.nz(a * b, f));
            case 14 -> set(r, dn, a & ~b, Thumb1Flags.nz(a & ~b, f));
            default -> set(r, dn, ~b, Thumb1Flags.nz(~b, f));
        }
    }

    private static void shifted(int[] r, int d, int[] out) {
        set(r, d, out[0], out[1]);
    }

    private static void highRegisters(int[] r, int h) {
        int d = ((h >> 4) & 8) | (h & 7);
        int m = (h >> 3) & 15;
        switch ((h >> 8) & 3) {
            case 0 -> r[d] = r[d] + r[m];
            case 1 -> r[APSR] = Thumb1Flags.subFlags(r[d], r[m], 1);
            case 2 -> r[d] = r[m];
            default -> throw new IllegalArgumentException("BX/BLX are not generated");
        }
    }

    private static final String[] CONDITIONS = {"eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt",
        "gt", "le"};
    private static final String[] DATA_PROCESSING = {"ands", "eors", "lsls", "lsrs", "asrs", "adcs", "sbcs", "rors",
        "tst", "rsbs", "cmp", "cmn", "orrs", "muls", "bics", "mvns"};

    /** Unified assembler syntax of one generated instruction, for failure messages. */
    static String describe(int h) {
        h &= 0xFFFF;
        String text;
        if (h == (BX_LR & 0xFFFF)) {
            text = "bx lr";
        } else if ((h & 0xE000) == 0x0000 && (h & 0x1800) != 0x1800) {
            int imm5 = (h >> 6) & 31;
            int op = (h >> 11) & 3;
            text = String.format("%s r%d, r%d, #%d", new String[] {"lsls", "lsrs", "asrs"}[op], h & 7, (h >> 3) & 7,
                    op != 0 && imm5 == 0 ? 32 : imm5);
        } else if ((h & 0xF800) == 0x1800) {
            String operand = (h & 0x0400) != 0 ? "#" + ((h >> 6) & 7) : "r" + ((h >> 6) & 7);
            text = String.format("%s r%d, r%d, %s", (h & 0x0200) != 0 ? "subs" : "adds", h & 7, (h >> 3) & 7, operand);
        } else if ((h & 0xE000) == 0x2000) {
            text = String.format("%s r%d, #%d", new String[] {"movs", "cmp", "adds", "subs"}[(h >> 11) & 3],
                    (h >> 8) & 7, h & 0xFF);
        } else if ((h & 0xFC00) == 0x4000) {
            text = String.format("%s r%d, r%d", DATA_PROCESSING[(h >> 6) & 15], h & 7, (h >> 3) & 7);
        } else if ((h & 0xFC00) == 0x4400) {
            text = String.format("%s r%d, r%d", new String[] {"add", "cmp", "mov", "bx"}[(h >> 8) & 3],
                    ((h >> 4) & 8) | (h & 7), (h >> 3) & 15);
        } else if ((h & 0xFF00) == 0xB200) {
            text = String.format("%s r%d, r%d", new String[] {"sxth", "sxtb", "uxth", "uxtb"}[(h >> 6) & 3], h & 7, (h >> 3) & 7);
        } else if ((h & 0xFF00) == 0xBA00) {
            text = String.format("%s r%d, r%d", new String[] {"rev", "rev16", "?", "revsh"}[(h >> 6) & 3], h & 7, (h >> 3) & 7);
        } else if ((h & 0xF000) == 0xD000 && (h & 0x0F00) < 0x0E00) {
            text = String.format("b%s .+%d", CONDITIONS[(h >> 8) & 15], 4 + 2 * (byte) h);
        } else if ((h & 0xF800) == 0xE000) {
            text = String.format("b .+%d", 4 + 2 * ((h << 21) >> 21));
        } else if ((h & 0xF000) == 0x5000) {
            text = String.format("%s r%d, [r%d, r%d]", new String[] {"str", "strh", "strb", "ldrsb", "ldr", "ldrh", "ldrb",
                "ldrsh"}[(h >> 9) & 7], h & 7, (h >> 3) & 7, (h >> 6) & 7);
        } else if ((h & 0xE000) == 0x6000 || (h & 0xF000) == 0x8000) {
            int size = (h & 0xF000) == 0x8000 ? 2 : (h & 0x1000) != 0 ? 1 : 4;
            String suffix = size == 4 ? "" : size == 2 ? "h" : "b";
            text = String.format("%s%s r%d, [r%d, #%d]", (h & 0x0800) != 0 ? "ldr" : "str", suffix, h & 7, (h >> 3) & 7,
                    size * ((h >> 6) & 31));
        } else {
            text = "?";
        }
        return String.format("%04X  %s", h, text);
    }
}
