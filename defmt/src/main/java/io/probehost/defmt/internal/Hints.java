package io.probehost.defmt.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.probehost.defmt.internal.FormatString.Parameter;

/**
 * Renders an argument with its display hint the way defmt's decoder prints it: integers in decimal or
 * {@code x}, {@code X}, {@code b}, {@code o} (with {@code #} for a prefix and {@code 0N} for zero padding),
 * {@code us}/{@code ms} as seconds, {@code ts}/{@code tms}/{@code tus} as a time of day,
 * {@code iso8601ms}/{@code iso8601s} as a UTC date and time (with milliseconds for the first); byte slices as a list or, with {@code a}, as a byte
 * string; {@code ?} quotes strings and characters. CBOR ({@code cbor}) is shown as hex bytes.
 */
final class Hints {
    private static final DateTimeFormatter ISO8601_MS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'");
    private static final DateTimeFormatter ISO8601_S = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");
    private static final Pattern RADIX = Pattern.compile("(#)?(?:0(\\d+))?([xXbo])?");

    private Hints() {
    }

    static String render(Value value, Parameter parameter) {
        String hint = parameter.hint();
        if (value instanceof Value.Int i) {
            BigInteger v = i.value();
            if (parameter.isBitfield()) {
                int width = parameter.bitEnd() - parameter.bitStart();
                v = v.shiftRight(parameter.bitStart()).and(BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE));
            }
            return integer(v, hint);
        }
        if (value instanceof Value.Floating f) {
            return floating(f);
        }
        if (value instanceof Value.Bool b) {
            return Boolean.toString(b.value());
        }
        if (value instanceof Value.Char c) {
            String text = new String(Character.toChars(c.codePoint()));
            return hint.equals("?") ? "'" + escape(text) + "'" : text;
        }
        if (value instanceof Value.Str s) {
            return hint.equals("?") ? "\"" + escape(s.text()) + "\"" : s.text();
        }
        if (value instanceof Value.Bytes b) {
            return bytes(b.bytes(), hint);
        }
        return ((Value.Rendered) value).text();
    }

    static String integer(BigInteger v, String hint) {
        switch (hint) {
            case "us":
                return seconds(v, 6);
            case "ms":
                return seconds(v, 3);
            case "ts":
                return timeOfDay(v, 0);
            case "tms":
                return timeOfDay(v, 3);
            case "tus":
                return timeOfDay(v, 6);
            case "iso8601ms":
                return ISO8601_MS.format(Instant.ofEpochMilli(v.longValue()).atOffset(ZoneOffset.UTC));
            case "iso8601s":
                return ISO8601_S.format(Instant.ofEpochSecond(v.longValue()).atOffset(ZoneOffset.UTC));
            default:
                break;
        }
        Matcher m = RADIX.matcher(hint);
        if (!m.matches()) {
            return v.toString();
        }
        String letter = m.group(3) == null ? "" : m.group(3);
        int radix = switch (letter) {
            case "x", "X" -> 16;
            case "b" -> 2;
            case "o" -> 8;
            default -> 10;
        };
        String digits = v.abs().toString(radix);
        if (letter.equals("X")) {
            digits = digits.toUpperCase(java.util.Locale.ROOT);
        }
        String prefix = m.group(1) == null || radix == 10 ? "" : "0" + (letter.equals("X") ? "x" : letter);
        String sign = v.signum() < 0 ? "-" : "";
        int width = m.group(2) == null ? 0 : Integer.parseInt(m.group(2)) - prefix.length() - sign.length();
        return sign + prefix + "0".repeat(Math.max(0, width - digits.length())) + digits;
    }

    private static String seconds(BigInteger v, int decimals) {
        return new BigDecimal(v, decimals).toPlainString();
    }

    private static String timeOfDay(BigInteger v, int decimals) {
        BigInteger[] split = v.divideAndRemainder(BigInteger.TEN.pow(decimals));
        long seconds = split[0].longValue();
        String time = String.format("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
        return decimals == 0 ? time : time + "." + String.format("%0" + decimals + "d", split[1].longValue());
    }

    /** As Rust prints floats: shortest digits that read back, no exponent, no {@code .0} on whole numbers. */
    private static String floating(Value.Floating f) {
        double d = f.value();
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        String shortest = f.single() ? Float.toString((float) d) : Double.toString(d);
        return new BigDecimal(shortest).stripTrailingZeros().toPlainString();
    }

    private static String bytes(byte[] bytes, String hint) {
        if (hint.equals("a")) {
            StringBuilder out = new StringBuilder("b\"");
            for (byte b : bytes) {
                int c = b & 0xFF;
                out.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? String.valueOf((char) c)
                        : c == '"' || c == '\\' ? "\\" + (char) c : String.format("\\x%02x", c));
            }
            return out.append('"').toString();
        }
        List<String> elements = new ArrayList<>();
        for (byte b : bytes) {
            elements.add(hint.equals("cbor") ? String.format("%02x", b & 0xFF) : integer(BigInteger.valueOf(b & 0xFF), hint));
        }
        return hint.equals("cbor") ? "cbor:" + String.join("", elements) : "[" + String.join(", ", elements) + "]";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("'", "\\'").replace("\n", "\\n")
                .replace("\r", "\\r").replace("\t", "\\t");
    }
}
