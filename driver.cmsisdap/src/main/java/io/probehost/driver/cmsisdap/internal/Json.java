package io.probehost.driver.cmsisdap.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A reader for the small JSON this bundle ships (objects and strings only), so that the driver
 * needs no JSON library at run time.
 */
final class Json {
    private final String text;
    private int position;

    private Json(String text) {
        this.text = text;
    }

    /** Parses a document whose values are objects or strings; objects become ordered maps. */
    static Object parse(String text) {
        Json json = new Json(text);
        Object value;
        try {
            value = json.value();
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            throw json.error("unexpected end or bad escape");
        }
        json.skipSpace();
        if (json.position != text.length()) {
            throw json.error("text after the end of the document");
        }
        return value;
    }

    private Object value() {
        skipSpace();
        if (position >= text.length()) {
            throw error("unexpected end");
        }
        char next = text.charAt(position);
        if (next == '{') {
            return object();
        }
        if (next == '"') {
            return string();
        }
        throw error("expected an object or a string");
    }

    private Map<String, Object> object() {
        Map<String, Object> members = new LinkedHashMap<>();
        expect('{');
        skipSpace();
        if (peek() == '}') {
            position++;
            return members;
        }
        while (true) {
            skipSpace();
            String key = string();
            skipSpace();
            expect(':');
            members.put(key, value());
            skipSpace();
            char separator = text.charAt(position++);
            if (separator == '}') {
                return members;
            }
            if (separator != ',') {
                throw error("expected ',' or '}'");
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder value = new StringBuilder();
        while (position < text.length()) {
            char next = text.charAt(position++);
            if (next == '"') {
                return value.toString();
            }
            if (next == '\\') {
                char escaped = text.charAt(position++);
                switch (escaped) {
                    case 'n' -> value.append('\n');
                    case 't' -> value.append('\t');
                    case 'u' -> {
                        value.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
                        position += 4;
                    }
                    default -> value.append(escaped);
                }
            } else {
                value.append(next);
            }
        }
        throw error("unterminated string");
    }

    private char peek() {
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private void expect(char wanted) {
        if (peek() != wanted) {
            throw error("expected '" + wanted + "'");
        }
        position++;
    }

    private void skipSpace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("bad JSON at offset " + position + ": " + what);
    }
}
