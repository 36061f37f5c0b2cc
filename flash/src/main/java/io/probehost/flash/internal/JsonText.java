package io.probehost.flash.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes the small JSON documents of a generated pack: objects, lists, strings, booleans, hex numbers. */
final class JsonText {
    private JsonText() {
    }

    /** A number as a {@code "0x..."} string, the form the pack readers accept for addresses. */
    static String hex(long value) {
        return quote(String.format("0x%X", value));
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** An object from already written values, in the map's order. */
    static String object(Map<String, String> fields) {
        List<String> parts = new ArrayList<>();
        fields.forEach((name, value) -> parts.add(quote(name) + ": " + value));
        return "{" + String.join(", ", parts) + "}";
    }

    static String list(List<String> values) {
        return "[" + String.join(",\n    ", values) + "]";
    }
}
