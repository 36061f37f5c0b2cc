package io.probehost.firmware.riscv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The result block (common/result.h) at RAM + 0x7000: status, program id, value count, trap
 * count, 124 values, then 96 trap records of 4 words (mcause, mepc, mtval, mstatus & 0x1888),
 * addresses made link-independent by the program (code 0xC0000000 + offset, RAM 0xD0000000 + offset).
 */
record ResultBlock(int[] words) {
    static final int WORDS = 4 + 124 + 4 * 96;
    static final int MAX_VALUES = 124;
    static final int TRAPS_AT = 4 + MAX_VALUES;
    static final int STATUS_DONE = 0x454E_4F44;
    static final int STATUS_FAIL = 0x4C49_4146;

    ResultBlock {
        if (words.length != WORDS) {
            throw new IllegalArgumentException("a result block has " + WORDS + " words, got " + words.length);
        }
        words = words.clone();
    }

    /** A copy: the block stays as read. */
    @Override
    public int[] words() {
        return words.clone();
    }

    static boolean isFinished(int statusWord) {
        return statusWord == STATUS_DONE || statusWord == STATUS_FAIL;
    }

    int status() {
        return words[0];
    }

    int valueCount() {
        return words[2];
    }

    int trapCount() {
        return words[3];
    }

    int value(int index) {
        return words[4 + index];
    }

    /** Trap record {@code index}: mcause, mepc, mtval, mstatus. */
    int[] trap(int index) {
        return Arrays.copyOfRange(words, TRAPS_AT + 4 * index, TRAPS_AT + 4 * index + 4);
    }

    /** "word i: expected x, actual y" for every word that differs. */
    List<String> differencesFrom(ResultBlock expected, String expectedName, String actualName) {
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < WORDS; i++) {
            if (words[i] != expected.words[i]) {
                differences.add(String.format("%s: %s 0x%08X, %s 0x%08X", describe(i), expectedName, expected.words[i],
                        actualName, words[i]));
            }
        }
        return differences;
    }

    private static String describe(int word) {
        if (word < 4) {
            return List.of("status", "program", "value count", "trap count").get(word);
        }
        if (word < TRAPS_AT) {
            return "value " + (word - 4);
        }
        int record = (word - TRAPS_AT) / 4;
        return "trap " + record + " " + List.of("mcause", "mepc", "mtval", "mstatus").get((word - TRAPS_AT) % 4);
    }
}
