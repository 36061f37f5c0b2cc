package io.probehost.flash.format;

import java.util.OptionalLong;

import io.probehost.api.text.Numbers;

/** Address formatting for messages, so every error prints addresses the same way. */
public final class Hex {

    private Hex() {
    }

    /** {@code 0x0800ABCD}: at least eight digits, upper case. */
    public static String address(long value) {
        return String.format("0x%08X", value);
    }

    /** {@code 0x08000000..0x08000FFF}: an inclusive rendering of {@code [start, end)}. */
    public static String range(long start, long end) {
        return address(start) + ".." + address(end - 1);
    }

    /**
     * A non-negative number as {@link Numbers} reads it (decimal, 0x hex); null when malformed or
     * negative.
     */
    public static Long parseNumber(String text) {
        OptionalLong value = Numbers.tryParse(text);
        return value.isPresent() && value.getAsLong() >= 0 && !text.trim().startsWith("-") ? value.getAsLong() : null;
    }
}
