package io.probehost.flash.format.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.probehost.flash.format.Hex;
import io.probehost.flash.format.ImageFormatException;

/**
 * Typed access to one JSON object with errors that name the file and the field path, such as
 * {@code nrf51.json: field 'memory_map[1].start': ...}. Numbers may be JSON integers or
 * {@code "0x..."} / decimal strings.
 */
final class JsonFields {

    private final String source;
    private final String path;
    private final JsonNode node;

    private JsonFields(String source, String path, JsonNode node) {
        this.source = source;
        this.path = path;
        this.node = node;
    }

    static JsonFields parse(String source, byte[] content) {
        JsonMapper mapper = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
        JsonNode root;
        try {
            root = mapper.readTree(content);
        } catch (JsonProcessingException e) {
            throw new ImageFormatException(source + ": not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + firstLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new ImageFormatException(source + ": cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ImageFormatException(source + ": top level must be a JSON object");
        }
        return new JsonFields(source, "", root);
    }

    String source() {
        return source;
    }

    ImageFormatException error(String field, String what) {
        return new ImageFormatException(source + ": field '" + qualified(field) + "': " + what);
    }

    ImageFormatException error(String what) {
        return new ImageFormatException(source + (path.isEmpty() ? "" : ": '" + path + "'") + ": " + what);
    }

    boolean has(String field) {
        return node.has(field) && !node.get(field).isNull();
    }

    /** Rejects fields other than {@code allowed}: in our own formats a typo must not pass silently. */
    void onlyFields(Set<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw error(name, "unknown field; expected one of " + allowed.stream().sorted().toList());
            }
        }
    }

    String string(String field) {
        JsonNode value = required(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw error(field, "must be a non-empty string");
        }
        return value.asText();
    }

    Optional<String> optionalString(String field) {
        return has(field) ? Optional.of(string(field)) : Optional.empty();
    }

    long number(String field) {
        return toNumber(field, required(field));
    }

    OptionalLong optionalNumber(String field) {
        return has(field) ? OptionalLong.of(number(field)) : OptionalLong.empty();
    }

    boolean bool(String field, boolean fallback) {
        if (!has(field)) {
            return fallback;
        }
        JsonNode value = node.get(field);
        if (!value.isBoolean()) {
            throw error(field, "must be true or false");
        }
        return value.asBoolean();
    }

    List<Long> numbers(String field) {
        JsonNode array = array(field);
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            values.add(toNumber(field + "[" + i + "]", array.get(i)));
        }
        return values;
    }

    List<JsonFields> objects(String field) {
        JsonNode array = array(field);
        List<JsonFields> values = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isObject()) {
                throw error(field + "[" + i + "]", "must be an object");
            }
            values.add(new JsonFields(source, qualified(field + "[" + i + "]"), array.get(i)));
        }
        return values;
    }

    private JsonNode array(String field) {
        JsonNode value = required(field);
        if (!value.isArray()) {
            throw error(field, "must be an array");
        }
        return value;
    }

    private JsonNode required(String field) {
        if (!has(field)) {
            throw error(field, "missing");
        }
        return node.get(field);
    }

    private long toNumber(String field, JsonNode value) {
        if (value.isIntegralNumber() && value.canConvertToLong() && value.asLong() >= 0) {
            return value.asLong();
        }
        Long parsed = value.isTextual() ? Hex.parseNumber(value.asText()) : null;
        if (parsed == null) {
            throw error(field, value + " is not a non-negative number (use 0x... for hex)");
        }
        return parsed;
    }

    private String qualified(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
