package io.probehost.sim.probe.pemicro;

import java.util.HexFormat;

/**
 * One forwarded library call as the stand-in sends it: the function name, its scalar arguments in
 * decimal, then optionally a text or hex argument that runs to the end of the line. The answer is
 * {@code <return value> <out value>} and optionally a space and a text or hex payload.
 */
record LibraryCall(String function, long[] numbers, String rest) {

    /** Parses a request line; {@code numberCount} scalars follow the function name. */
    static LibraryCall parse(String line, int numberCount) {
        String[] parts = line.split(" ", numberCount + 2);
        if (parts.length < numberCount + 1) {
            throw new IllegalArgumentException("'" + parts[0] + "' needs " + numberCount + " arguments: " + line);
        }
        long[] numbers = new long[numberCount];
        for (int i = 0; i < numberCount; i++) {
            numbers[i] = Long.parseLong(parts[i + 1]);
        }
        return new LibraryCall(parts[0], numbers, parts.length > numberCount + 1 ? parts[numberCount + 1] : "");
    }

    static String functionOf(String line) {
        int space = line.indexOf(' ');
        return space < 0 ? line : line.substring(0, space);
    }

    int integer(int index) {
        return (int) numbers[index];
    }

    long address(int index) {
        return numbers[index] & 0xFFFF_FFFFL;
    }

    byte[] hexData() {
        return HexFormat.of().parseHex(rest);
    }

    static String answer(long value, long out) {
        return (value & 0xFFFF_FFFFL) + " " + (out & 0xFFFF_FFFFL);
    }

    static String answer(long value, long out, String payload) {
        return answer(value, out) + " " + payload;
    }

    static String answer(boolean value) {
        return answer(value ? 1 : 0, 0);
    }

    static String hex(byte[] data) {
        return HexFormat.of().formatHex(data);
    }
}
