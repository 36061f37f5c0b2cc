package io.probehost.api.text;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * The one parser for numbers users type, on command lines and in files: decimal ({@code 010} is
 * ten, never octal), or hexadecimal after {@code 0x}; an optional sign, underscores between digits
 * ({@code 0x2000_0000}), and for decimals an optional {@code k} (thousand) or {@code M} (million)
 * suffix ({@code 4M}, {@code 400k}).
 */
public final class Numbers {
    private static final String FORMS = "decimal, 0x hex, or with a k or M suffix";

    private Numbers() {
    }

    /**
     * The number {@code text} spells.
     *
     * @param what names the value in the error, such as {@code "address"}
     * @throws IllegalArgumentException naming {@code what} and the text when it is not a number
     */
    public static long parse(String text, String what) {
        OptionalLong value = tryParse(text);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a number (" + FORMS + ")");
        }
        return value.getAsLong();
    }

    /** The number {@code text} spells; empty when it is not one (or does not fit 64 bits). */
    public static OptionalLong tryParse(String text) {
        if (text == null) {
            return OptionalLong.empty();
        }
        String clean = text.trim();
        boolean negative = clean.startsWith("-");
        if (negative || clean.startsWith("+")) {
            clean = clean.substring(1);
        }
        if (clean.isEmpty() || clean.startsWith("_") || clean.endsWith("_")) {
            return OptionalLong.empty();
        }
        String lower = clean.toLowerCase(Locale.ROOT);
        try {
            long magnitude;
            if (lower.startsWith("0x")) {
                magnitude = digits(lower.substring(2), 16);
            } else {
                long multiplier = 1;
                if (lower.endsWith("k")) {
                    multiplier = 1_000;
                } else if (lower.endsWith("m")) {
                    multiplier = 1_000_000;
                }
                String digits = multiplier == 1 ? lower : lower.substring(0, lower.length() - 1);
                magnitude = Math.multiplyExact(digits(digits, 10), multiplier);
            }
            return OptionalLong.of(negative ? Math.negateExact(magnitude) : magnitude);
        } catch (NumberFormatException | ArithmeticException e) {
            return OptionalLong.empty();
        }
    }

    /** Unsigned digits in {@code radix}, underscores allowed between them; hex may fill all 64 bits. */
    private static long digits(String text, int radix) {
        if (text.isEmpty() || text.startsWith("_") || text.endsWith("_")) {
            throw new NumberFormatException(text);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '_' && Character.digit(c, radix) < 0) {
                throw new NumberFormatException(text);
            }
        }
        String digits = text.replace("_", "");
        return radix == 16 ? Long.parseUnsignedLong(digits, 16) : Long.parseLong(digits);
    }

    /** A 32-bit target address. */
    public static long address(String text) {
        long value = parse(text, "address");
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("address " + text + " is outside the 32-bit address space");
        }
        return value;
    }

    /** A count or length, at least 1 and at most {@link Integer#MAX_VALUE}. */
    public static int count(String text, String what) {
        long value = parse(text, what);
        if (value <= 0 || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + " must be a positive number, not " + text);
        }
        return (int) value;
    }

    /** A value of {@code bits} bits, signed or unsigned, as its unsigned bit pattern. */
    public static long value(String text, int bits) {
        long value = parse(text, "value");
        long max = bits == 64 ? -1L : (1L << bits) - 1;
        if (bits < 64 && (value > max || value < -(1L << (bits - 1)))) {
            throw new IllegalArgumentException("value " + text + " does not fit in " + bits + " bits");
        }
        return value & max;
    }
}
