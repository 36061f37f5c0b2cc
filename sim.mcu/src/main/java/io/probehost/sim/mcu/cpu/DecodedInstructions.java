package io.probehost.sim.mcu.cpu;

/**
 * The pre-decoded instruction cache: for each fetched instruction the routine that executes it
 * (an {@code int} class, one flat {@code switch} in {@link ThumbExecutor}), so the decode tree is
 * walked once per instruction and not once per execution. An entry is found by the PC and kept
 * with the instruction bits it was decoded from ({@code hw1 | hw2 << 16}); it is used only when
 * the bits fetched now are the same. Fetching stays as it was (FPB remap, bus faults, memory that
 * changed by any path: core stores, a debugger, DMA, flash programming, a back door), and a
 * decode depends on nothing but the bits and the profile, so no entry is ever stale.
 * ITSTATE, the PC and the registers are read when the instruction executes, not here.
 */
final class DecodedInstructions {
    /** Not decoded yet: every other class is non-zero. */
    static final int NONE = 0;
    // 16-bit encodings, most split to the instruction
    static final int LSL_IMMEDIATE = 1;
    static final int LSR_IMMEDIATE = 2;
    static final int ASR_IMMEDIATE = 3;
    static final int ADD_SUBTRACT_3 = 4;
    static final int MOV_IMMEDIATE = 5;
    static final int CMP_IMMEDIATE = 6;
    static final int ADD_IMMEDIATE_8 = 7;
    static final int SUB_IMMEDIATE_8 = 8;
    static final int LOAD_STORE_REGISTER = 9;
    static final int LOAD_LITERAL = 10;
    static final int DATA_PROCESSING = 11;
    static final int SPECIAL_DATA_BRANCH_EXCHANGE = 12;
    static final int STR_IMMEDIATE = 13;
    static final int LDR_IMMEDIATE = 14;
    static final int STRB_IMMEDIATE = 15;
    static final int LDRB_IMMEDIATE = 16;
    static final int LOAD_STORE_HALFWORD = 17;
    static final int LOAD_STORE_SP_RELATIVE = 18;
    static final int ADDRESS_GENERATION = 19;
    static final int PUSH = 20;
    static final int POP = 21;
    static final int MISCELLANEOUS = 22;
    static final int LOAD_STORE_MULTIPLE = 23;
    static final int CONDITIONAL_BRANCH = 24;
    static final int UNDEFINED_OR_SVC = 25;
    static final int BRANCH = 26;
    // 32-bit encodings
    static final int ARMV6M_32_BIT = 27;
    static final int BL = 28;
    static final int NO_COPROCESSOR = 29;
    static final int DATA_PROCESSING_SHIFTED_REGISTER = 30;
    static final int LOAD_STORE_MULTIPLE_32 = 31;
    static final int DUAL_EXCLUSIVE_TABLE = 32;
    static final int BRANCH_OR_CONTROL = 33;
    static final int DATA_PROCESSING_MODIFIED_IMMEDIATE = 34;
    static final int DATA_PROCESSING_PLAIN_IMMEDIATE = 35;
    static final int UNDEFINED_32 = 36;
    static final int LOAD_STORE_32 = 37;
    static final int DATA_PROCESSING_REGISTER = 38;

    /** Entries, a power of two: 16 KiB of code at distinct halfwords without a collision. */
    private static final int SIZE = 1 << 13;

    private final boolean armv7m;
    /** Per entry the instruction bits and then their class, side by side (one cache line for both). */
    private final int[] entries = new int[2 * SIZE];

    DecodedInstructions(boolean armv7m) {
        this.armv7m = armv7m;
    }

    /** The class of the instruction {@code raw} fetched at {@code pc}, decoded once while the bits stay. */
    int classOf(int pc, int raw) {
        int i = pc & (2 * SIZE - 2);
        int decoded = entries[i + 1];
        if (decoded != NONE && entries[i] == raw) {
            return decoded;
        }
        decoded = decode(raw);
        entries[i] = raw;
        entries[i + 1] = decoded;
        return decoded;
    }

    /** True if {@code hw1} is the first halfword of a 32-bit encoding. */
    static boolean thirtyTwoBit(int hw1) {
        return (hw1 >>> 11) >= 0x1D;
    }

    /** The Thumb decode tree (ARMv6-M, and ARMv7-M's 32-bit encodings), down to the routine that executes. */
    private int decode(int raw) {
        int hw = raw & 0xFFFF;
        switch (hw >>> 13) {
            case 0:
                switch ((hw >>> 11) & 3) {
                    case 0: return LSL_IMMEDIATE;
                    case 1: return LSR_IMMEDIATE;
                    case 2: return ASR_IMMEDIATE;
                    default: return ADD_SUBTRACT_3;
                }
            case 1:
                switch ((hw >>> 11) & 3) {
                    case 0: return MOV_IMMEDIATE;
                    case 1: return CMP_IMMEDIATE;
                    case 2: return ADD_IMMEDIATE_8;
                    default: return SUB_IMMEDIATE_8;
                }
            case 2:
                if ((hw & 0x1000) != 0) {
                    return LOAD_STORE_REGISTER;
                }
                if ((hw & 0x0800) != 0) {
                    return LOAD_LITERAL;
                }
                return (hw & 0x0400) == 0 ? DATA_PROCESSING : SPECIAL_DATA_BRANCH_EXCHANGE;
            case 3:
                switch ((hw >>> 11) & 3) {
                    case 0: return STR_IMMEDIATE;
                    case 1: return LDR_IMMEDIATE;
                    case 2: return STRB_IMMEDIATE;
                    default: return LDRB_IMMEDIATE;
                }
            case 4:
                return (hw & 0x1000) == 0 ? LOAD_STORE_HALFWORD : LOAD_STORE_SP_RELATIVE;
            case 5:
                if ((hw & 0x1000) == 0) {
                    return ADDRESS_GENERATION;
                }
                if ((hw & 0xFE00) == 0xB400) {
                    return PUSH;
                }
                return (hw & 0xFE00) == 0xBC00 ? POP : MISCELLANEOUS;
            case 6:
                if ((hw & 0x1000) == 0) {
                    return LOAD_STORE_MULTIPLE;
                }
                return ((hw >>> 8) & 0xF) < 0xE ? CONDITIONAL_BRANCH : UNDEFINED_OR_SVC;
            default:
                if ((hw & 0x1800) == 0) {
                    return BRANCH;
                }
                return armv7m ? decodeThumb2(hw, raw >>> 16) : decodeArmv6m32(hw, raw >>> 16);
        }
    }

    private static int decodeArmv6m32(int hw1, int hw2) {
        return (hw1 & 0xF800) == 0xF000 && (hw2 & 0xD000) == 0xD000 ? BL : ARMV6M_32_BIT;
    }

    private static int decodeThumb2(int hw1, int hw2) {
        switch ((hw1 >>> 11) & 3) {
            case 1:
                if ((hw1 & 0x0400) != 0) {
                    return NO_COPROCESSOR;
                }
                if ((hw1 & 0x0200) != 0) {
                    return DATA_PROCESSING_SHIFTED_REGISTER;
                }
                return (hw1 & 0x0040) == 0 ? LOAD_STORE_MULTIPLE_32 : DUAL_EXCLUSIVE_TABLE;
            case 2:
                if ((hw2 & 0x8000) != 0) {
                    return (hw2 & 0xD000) == 0xD000 ? BL : BRANCH_OR_CONTROL;
                }
                return (hw1 & 0x0200) == 0 ? DATA_PROCESSING_MODIFIED_IMMEDIATE : DATA_PROCESSING_PLAIN_IMMEDIATE;
            default:
                if ((hw1 & 0x0400) != 0) {
                    return NO_COPROCESSOR;
                }
                if ((hw1 & 0x0200) == 0) {
                    return (hw1 & 0x0100) != 0 && (hw1 & 0x0010) == 0 ? UNDEFINED_32 : LOAD_STORE_32;
                }
                return DATA_PROCESSING_REGISTER;
        }
    }
}
