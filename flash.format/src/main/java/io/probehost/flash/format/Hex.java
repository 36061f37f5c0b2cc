package io.probehost.flash.format;

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

    /** Parses {@code 0x1F}/{@code 0X1f} as hex and anything else as decimal; null when malformed. */
    public static Long parseNumber(String text) {
        String t = text.trim();
        if (t.startsWith("+")) {
            t = t.substring(1);
        }
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                String digits = t.substring(2);
                return digits.isEmpty() || digits.startsWith("-") || digits.startsWith("+") ? null
                        : Long.parseUnsignedLong(digits, 16);
            }
            return t.isEmpty() || t.startsWith("-") || t.startsWith("+") ? null : Long.parseLong(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
