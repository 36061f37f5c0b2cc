package io.probehost.core.internal.option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.probehost.api.ProbeException;

/**
 * A {@code probehost.yaml} file, shaped like pyOCD's config file: option names at the top level
 * apply to every session, and a {@code probes} map from unique ID to option values applies to the
 * probes whose unique ID starts with that key (case-insensitive).
 *
 * <pre>
 * frequency: 4000000
 * probes:
 *   9900000037:
 *     cmsis_dap.limit_packets: true
 * </pre>
 */
final class OptionFile {
    static final String PROBES_SECTION = "probes";

    private final Path path;
    private final Map<String, String> global;
    private final Map<String, Map<String, String>> perProbe;

    private OptionFile(Path path, Map<String, String> global, Map<String, Map<String, String>> perProbe) {
        this.path = path;
        this.global = global;
        this.perProbe = perProbe;
    }

    static OptionFile empty() {
        return new OptionFile(null, Map.of(), Map.of());
    }

    /** Reads the file, or gives an empty one when it does not exist. */
    static OptionFile read(Path path) {
        if (path == null || !Files.isRegularFile(path)) {
            return empty();
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(path.toFile());
        } catch (IOException e) {
            throw new ProbeException(path + ": not valid YAML: " + firstLine(e.getMessage()));
        }
        if (root == null || root.isNull() || root.isMissingNode()) {
            return new OptionFile(path, Map.of(), Map.of());
        }
        if (!root.isObject()) {
            throw new ProbeException(path + ": expected a map of option names to values");
        }
        Map<String, String> global = new LinkedHashMap<>();
        Map<String, Map<String, String>> perProbe = new LinkedHashMap<>();
        for (var field : (Iterable<Map.Entry<String, JsonNode>>) root::fields) {
            if (field.getKey().equals(PROBES_SECTION)) {
                readProbes(path, field.getValue(), perProbe);
            } else {
                global.put(field.getKey(), scalar(path, field.getKey(), field.getValue()));
            }
        }
        return new OptionFile(path, global, perProbe);
    }

    private static void readProbes(Path path, JsonNode probes, Map<String, Map<String, String>> perProbe) {
        if (!probes.isObject()) {
            throw new ProbeException(path + ": 'probes' must map unique IDs to option values");
        }
        for (var probe : (Iterable<Map.Entry<String, JsonNode>>) probes::fields) {
            if (!probe.getValue().isObject()) {
                throw new ProbeException(path + ": probes." + probe.getKey() + " must be a map of option values");
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (var option : (Iterable<Map.Entry<String, JsonNode>>) probe.getValue()::fields) {
                values.put(option.getKey(), scalar(path, "probes." + probe.getKey() + "." + option.getKey(),
                        option.getValue()));
            }
            perProbe.put(probe.getKey().toLowerCase(Locale.ROOT), values);
        }
    }

    private static String scalar(Path path, String key, JsonNode value) {
        if (!value.isValueNode()) {
            throw new ProbeException(path + ": " + key + " must be a single value");
        }
        return value.asText();
    }

    Map<String, String> global() {
        return global;
    }

    /** Values of every probes section whose key is a prefix of the unique ID, longest key last. */
    Map<String, String> forProbe(String uniqueId) {
        Map<String, String> values = new LinkedHashMap<>();
        if (uniqueId == null) {
            return values;
        }
        String id = uniqueId.toLowerCase(Locale.ROOT);
        perProbe.entrySet().stream()
                .filter(e -> id.startsWith(e.getKey()))
                .sorted(Map.Entry.comparingByKey((a, b) -> Integer.compare(a.length(), b.length())))
                .forEach(e -> values.putAll(e.getValue()));
        return values;
    }

    String source() {
        return path == null ? "probehost.yaml" : path.toString();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
