package io.probehost.firmware;

import java.util.Arrays;

/**
 * The result block every test program fills at {@link #BASE}: status, program id, value count,
 * fault IPSR, then up to {@link #MAX_VALUES} values. The status word is written last.
 */
public record ResultBlock(int[] words) {
    public static final int BASE = 0x2000_3F00;
    public static final int WORDS = 64;
    public static final int HEADER_WORDS = 4;
    public static final int MAX_VALUES = WORDS - HEADER_WORDS;
    public static final int STATUS_DONE = 0x454E_4F44; // "DONE" little-endian
    public static final int STATUS_FAIL = 0x4C49_4146; // "FAIL": an unexpected exception

    public ResultBlock {
        if (words.length != WORDS) {
            throw new IllegalArgumentException("a result block has " + WORDS + " words, got " + words.length);
        }
        words = words.clone();
    }

    public static boolean isFinished(int statusWord) {
        return statusWord == STATUS_DONE || statusWord == STATUS_FAIL;
    }

    public int status() {
        return words[0];
    }

    public int program() {
        return words[1];
    }

    public int count() {
        return words[2];
    }

    public int faultIpsr() {
        return words[3];
    }

    public int value(int index) {
        return words[HEADER_WORDS + index];
    }

    public int[] values() {
        return Arrays.copyOfRange(words, HEADER_WORDS, HEADER_WORDS + Math.min(count(), MAX_VALUES));
    }

    @Override
    public int[] words() {
        return words.clone();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < HEADER_WORDS + Math.min(count(), MAX_VALUES); i++) {
            text.append(String.format("%n  [0x%08X] 0x%08X", BASE + 4 * i, words[i]));
        }
        return text.toString();
    }
}
