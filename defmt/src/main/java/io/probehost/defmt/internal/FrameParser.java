package io.probehost.defmt.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.probehost.defmt.DefmtEntry;
import io.probehost.defmt.DefmtException;
import io.probehost.defmt.DefmtFrame;
import io.probehost.defmt.DefmtTable;
import io.probehost.defmt.internal.FormatString.Fragment;
import io.probehost.defmt.internal.FormatString.Literal;
import io.probehost.defmt.internal.FormatString.Parameter;

/**
 * Decodes one frame against the table: the u16 statement index, the timestamp arguments when the
 * firmware has a timestamp format, then the statement's arguments in argument-index order, each as its
 * type says (nested Format values recursively), rendered with their display hints.
 */
public final class FrameParser {
    private static final int DEPTH_LIMIT = 32;
    private static final int ELEMENT_LIMIT = 65_536;
    private static final Pattern ARRAY = Pattern.compile("\\[(u8|\\?)\\s*;\\s*(\\d+)\\]");

    private final DefmtTable table;
    private final Map<String, FormatString> parsed = new HashMap<>();

    public FrameParser(DefmtTable table) {
        this.table = table;
    }

    /** @throws DefmtException (a {@link ByteCursor.Truncated} when bytes are missing) */
    public DefmtFrame parse(ByteCursor in) {
        int index = in.u16();
        DefmtEntry entry = table.entry(index).filter(DefmtEntry::isStatement)
                .orElseThrow(() -> new DefmtException("index " + index + " is not a log statement"));
        Optional<String> timestamp = table.timestamp().map(t -> render(t.data(), in, 0, ""));
        String text = render(entry.data(), in, 0, "");
        return new DefmtFrame(index, entry.level(), timestamp, text, table.location(index));
    }

    /**
     * Reads the arguments of {@code format} and returns the text they make; a parameter without a hint
     * takes {@code inherited}, the hint of the Format parameter this string is the value of ({@code {:x}}).
     */
    String render(String format, ByteCursor in, int depth, String inherited) {
        if (depth > DEPTH_LIMIT) {
            throw new DefmtException("Format values nest deeper than " + DEPTH_LIMIT);
        }
        FormatString string = parsed.computeIfAbsent(format, FormatString::parse);
        Map<Integer, Value> values = new HashMap<>();
        for (Parameter argument : string.arguments()) {
            values.put(argument.index(), read(inherited(argument, inherited), in, depth));
        }
        StringBuilder out = new StringBuilder();
        for (Fragment fragment : string.fragments()) {
            if (fragment instanceof Literal literal) {
                out.append(literal.text());
            } else if (fragment instanceof Parameter parameter) {
                out.append(Hints.render(values.get(parameter.index()), inherited(parameter, inherited)));
            }
        }
        return out.toString();
    }

    private static Parameter inherited(Parameter parameter, String hint) {
        return parameter.hint().isEmpty() && !hint.isEmpty()
                ? new Parameter(parameter.index(), parameter.type(), hint) : parameter;
    }

    private Value read(Parameter parameter, ByteCursor in, int depth) {
        String type = parameter.type();
        if (parameter.isBitfield()) {
            int lowByte = parameter.bitStart() / 8;
            int count = (parameter.bitEnd() - 1) / 8 - lowByte + 1;
            int size = Integer.highestOneBit(count) == count ? count : Integer.highestOneBit(count) * 2;
            return new Value.Int(in.integer(size).shiftLeft(lowByte * 8));
        }
        switch (type) {
            case "u8", "i8", "u16", "i16", "u32", "i32", "u64", "i64", "u128", "i128", "usize", "isize":
                return integer(type, in);
            case "f32":
                return new Value.Floating(Float.intBitsToFloat((int) in.u32()), true);
            case "f64":
                return new Value.Floating(Double.longBitsToDouble(in.integer(8).longValue()), false);
            case "bool":
                int b = in.u8();
                if (b > 1) {
                    throw new DefmtException("bool byte " + b + " is neither 0 nor 1");
                }
                return new Value.Bool(b == 1);
            case "char":
                long codePoint = in.u32();
                if (!Character.isValidCodePoint((int) codePoint) || codePoint > Character.MAX_CODE_POINT) {
                    throw new DefmtException("char " + codePoint + " is not a code point");
                }
                return new Value.Char((int) codePoint);
            case "str":
                return new Value.Str(utf8(in.bytes(in.u32())));
            case "istr":
                return new Value.Str(levelless(in.u16()).data());
            case "[u8]":
                return new Value.Bytes(in.bytes(in.u32()));
            case "?":
                return new Value.Rendered(untagged(levelless(in.u16()).data(), in, depth + 1, parameter.hint()));
            case "[?]":
                return new Value.Rendered(list(in.u32(), in, depth, parameter.hint()));
            case "__internal_Debug", "__internal_Display":
                return new Value.Rendered(utf8(in.untilFF()));
            case "__internal_FormatSequence":
                return new Value.Rendered(sequence(in, depth, parameter.hint()));
            default:
                return array(parameter, in, depth);
        }
    }

    /** {@code [u8; N]} and {@code [?; N]}. */
    private Value array(Parameter parameter, ByteCursor in, int depth) {
        String type = parameter.type();
        Matcher m = ARRAY.matcher(type);
        if (!m.matches()) {
            throw new DefmtException("format type '" + type + "' is not known");
        }
        long length = Long.parseLong(m.group(2));
        return m.group(1).equals("u8") ? new Value.Bytes(in.bytes(length)) : new Value.Rendered(list(length, in, depth, parameter.hint()));
    }

    private static Value integer(String type, ByteCursor in) {
        int bits = type.endsWith("size") ? 32 : Integer.parseInt(type.substring(1));
        BigInteger value = in.integer(bits / 8);
        if (type.startsWith("i") && value.testBit(bits - 1)) {
            value = value.subtract(BigInteger.ONE.shiftLeft(bits));
        }
        return new Value.Int(value);
    }

    /** Elements of one Format type: the element tag once (when there is an element), then each element untagged. */
    private String list(long count, ByteCursor in, int depth, String hint) {
        if (count > ELEMENT_LIMIT) {
            throw new DefmtException("a list of " + count + " elements");
        }
        List<String> elements = new ArrayList<>();
        if (count > 0) {
            String format = levelless(in.u16()).data();
            for (long i = 0; i < count; i++) {
                elements.add(untagged(format, in, depth + 1, hint));
            }
        }
        return "[" + String.join(", ", elements) + "]";
    }

    /** One Format value whose tag is known: an enum's discriminant picks the variant, then its arguments. */
    private String untagged(String format, ByteCursor in, int depth, String hint) {
        List<String> variants = variants(format);
        if (variants.size() == 1) {
            return render(format, in, depth, hint);
        }
        int separators = variants.size() - 1;
        int size = separators <= 0xFF ? 1 : separators <= 0xFFFF ? 2 : 4;
        long discriminant = in.integer(size).longValue();
        if (discriminant >= variants.size()) {
            throw new DefmtException("enum discriminant " + discriminant + " of '" + format + "' has no variant");
        }
        return render(variants.get((int) discriminant), in, depth, hint);
    }

    /** The variants of an enum's format string, split at each {@code |} outside a parameter. */
    static List<String> variants(String format) {
        List<String> variants = new ArrayList<>();
        int nesting = 0;
        int start = 0;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '{') {
                nesting++;
            } else if (c == '}') {
                nesting--;
            } else if (c == '|' && nesting == 0) {
                variants.add(format.substring(start, i));
                start = i + 1;
            }
        }
        variants.add(format.substring(start));
        return variants;
    }

    /** {@code write!} pieces of a manual Format impl: index and arguments, until index 0. */
    private String sequence(ByteCursor in, int depth, String hint) {
        StringBuilder out = new StringBuilder();
        for (int index = in.u16(); index != 0; index = in.u16()) {
            out.append(render(levelless(index).data(), in, depth + 1, hint));
        }
        return out.toString();
    }

    private DefmtEntry levelless(int index) {
        return table.entry(index).filter(e -> !e.isStatement())
                .orElseThrow(() -> new DefmtException("index " + index + " is not a format string"));
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
