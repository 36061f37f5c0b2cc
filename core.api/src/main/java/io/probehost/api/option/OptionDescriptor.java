package io.probehost.api.option;

import java.util.Objects;

import io.probehost.api.text.Numbers;

/**
 * A typed session option, declared by the bundle that owns it through an {@link OptionProvider}.
 * Names are dotted and lower case, prefixed by their owner: {@code cmsis_dap.deferred_transfers}.
 *
 * @param <T> the value type: Boolean, Integer, Long, Double, String or an enum
 */
public final class OptionDescriptor<T> {
    private final String name;
    private final Class<T> type;
    private final T defaultValue;
    private final String help;

    private OptionDescriptor(String name, Class<T> type, T defaultValue, String help) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.defaultValue = defaultValue;
        this.help = help == null ? "" : help;
    }

    public static <T> OptionDescriptor<T> of(String name, Class<T> type, T defaultValue, String help) {
        return new OptionDescriptor<>(name, type, defaultValue, help);
    }

    public String name() {
        return name;
    }

    public Class<T> type() {
        return type;
    }

    /** The default; may be null for options with no default (an unset string). */
    public T defaultValue() {
        return defaultValue;
    }

    public String help() {
        return help;
    }

    /** A short name of the type for tables: bool, int, long, float, str, or the enum's values. */
    public String typeName() {
        if (type == Boolean.class) {
            return "bool";
        }
        if (type == Integer.class) {
            return "int";
        }
        if (type == Long.class) {
            return "long";
        }
        if (type == Double.class) {
            return "float";
        }
        if (type == String.class) {
            return "str";
        }
        if (type.isEnum()) {
            StringBuilder names = new StringBuilder();
            for (T constant : type.getEnumConstants()) {
                names.append(names.length() == 0 ? "" : "|").append(((Enum<?>) constant).name().toLowerCase());
            }
            return names.toString();
        }
        return type.getSimpleName();
    }

    /**
     * Converts text (from a command line or a YAML file) or an already typed value to this option's
     * type. Throws IllegalArgumentException with a message naming the option.
     */
    public T convert(Object value) {
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        String text = String.valueOf(value).trim();
        try {
            Object converted = parse(text);
            return type.cast(converted);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "option " + name + " takes a " + typeName() + " value, not '" + text + "'");
        }
    }

    private Object parse(String text) {
        if (type == Boolean.class) {
            return parseBoolean(text);
        }
        if (type == Integer.class) {
            return Math.toIntExact(parseLong(text));
        }
        if (type == Long.class) {
            return parseLong(text);
        }
        if (type == Double.class) {
            return Double.valueOf(text);
        }
        if (type == String.class) {
            return text;
        }
        if (type.isEnum()) {
            for (T constant : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().equalsIgnoreCase(text.replace('-', '_'))) {
                    return constant;
                }
            }
        }
        throw new IllegalArgumentException(text);
    }

    private static Boolean parseBoolean(String text) {
        switch (text.toLowerCase()) {
            case "true": case "yes": case "on": case "1":
                return Boolean.TRUE;
            case "false": case "no": case "off": case "0":
                return Boolean.FALSE;
            default:
                throw new IllegalArgumentException(text);
        }
    }

    /** As every number users type: {@link Numbers} (decimal, 0x hex, k or M suffix: 4M, 400k, 0x100). */
    private static long parseLong(String text) {
        return Numbers.parse(text, "number");
    }

    @Override
    public String toString() {
        return name + " (" + typeName() + ")";
    }
}
