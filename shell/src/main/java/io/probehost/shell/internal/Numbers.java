package io.probehost.shell.internal;

import io.probehost.api.ProbeException;

/** Numbers as users type them: {@code 0x} hexadecimal or decimal, with optional underscores. */
final class Numbers {
    private Numbers() {
    }

    static long parse(String text, String what) {
        String clean = text.trim().replace("_", "");
        boolean negative = clean.startsWith("-");
        String digits = negative ? clean.substring(1) : clean;
        try {
            long value;
            if (digits.startsWith("0x") || digits.startsWith("0X")) {
                value = Long.parseUnsignedLong(digits.substring(2), 16);
            } else {
                value = Long.parseLong(digits);
            }
            return negative ? -value : value;
        } catch (NumberFormatException e) {
            throw new ProbeException(what + " '" + text + "' is not a number (use 0x hex or decimal)");
        }
    }

    /** A 32-bit target address. */
    static long address(String text) {
        long value = parse(text, "address");
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new ProbeException("address " + text + " is outside the 32-bit address space");
        }
        return value;
    }

    /** A value that must fit {@code bits} bits, signed or unsigned. */
    static long value(String text, int bits) {
        long value = parse(text, "value");
        long max = bits == 64 ? -1L : (1L << bits) - 1;
        if (bits < 64 && (value > max || value < -(1L << (bits - 1)))) {
            throw new ProbeException("value " + text + " does not fit in " + bits + " bits");
        }
        return value & max;
    }

    /** A count or length that must be positive. */
    static int count(String text, String what) {
        long value = parse(text, what);
        if (value <= 0 || value > Integer.MAX_VALUE) {
            throw new ProbeException(what + " must be a positive number, not " + text);
        }
        return (int) value;
    }

    static String hex32(long value) {
        return String.format("0x%08x", value & 0xFFFF_FFFFL);
    }
}
