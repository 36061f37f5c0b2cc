package io.probehost.defmt.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.probehost.defmt.DefmtEncoding;
import io.probehost.defmt.DefmtEntry;
import io.probehost.defmt.DefmtException;
import io.probehost.defmt.DefmtLocation;
import io.probehost.defmt.DefmtTable;
import io.probehost.flash.format.debug.DebugInfo;
import io.probehost.flash.format.debug.StaticVariable;
import io.probehost.flash.format.debug.Symbol;

/**
 * Builds a {@link DefmtTable} from an ELF's symbols: the marker symbols {@code _defmt_version_ = N}
 * and {@code _defmt_encoding_ = E}, every symbol whose name is a defmt JSON object (its address is the
 * index), and the DWARF variables {@code DEFMT_LOG_STATEMENT} at those indices for the locations (the
 * function or module around each).
 */
public final class ElfTableReader {
    static final String VERSION_PREFIX = "_defmt_version_ = ";
    static final String ENCODING_PREFIX = "_defmt_encoding_ = ";
    static final String STATEMENT_VARIABLE = "DEFMT_LOG_STATEMENT";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ElfTableReader() {
    }

    public static Optional<DefmtTable> read(DebugInfo elf) {
        List<String> versions = new ArrayList<>();
        List<String> encodings = new ArrayList<>();
        List<DefmtEntry> entries = new ArrayList<>();
        for (Symbol symbol : elf.symbols().symbols()) {
            String name = unquoted(symbol.name());
            if (name.startsWith(VERSION_PREFIX)) {
                versions.add(name.substring(VERSION_PREFIX.length()));
            } else if (name.startsWith(ENCODING_PREFIX)) {
                encodings.add(name.substring(ENCODING_PREFIX.length()));
            } else if (name.startsWith("{")) {
                entry(name, symbol.address()).ifPresent(entries::add);
            }
        }
        if (versions.isEmpty()) {
            if (!entries.isEmpty()) {
                throw new DefmtException("the ELF has defmt symbols but no _defmt_version_ symbol");
            }
            return Optional.empty();
        }
        if (versions.size() > 1 || encodings.size() > 1) {
            throw new DefmtException("the ELF has " + versions.size() + " _defmt_version_ and " + encodings.size()
                    + " _defmt_encoding_ symbols; one of each is allowed");
        }
        if (encodings.isEmpty()) {
            throw new DefmtException("the ELF has no _defmt_encoding_ symbol");
        }
        int version;
        try {
            version = Integer.parseInt(versions.get(0));
        } catch (NumberFormatException e) {
            throw new DefmtException("defmt wire format version '" + versions.get(0) + "' is not supported (3 or 4)");
        }
        return Optional.of(new DefmtTable(version, DefmtEncoding.fromSymbolValue(encodings.get(0)), entries,
                locations(elf)));
    }

    /** LLD may keep the quotes of a quoted symbol name. */
    private static String unquoted(String name) {
        return name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"") ? name.substring(1, name.length() - 1)
                : name;
    }

    private static Optional<DefmtEntry> entry(String name, long address) {
        JsonNode json;
        try {
            json = JSON.readTree(name);
        } catch (Exception e) {
            return Optional.empty();
        }
        JsonNode tag = json.get("tag");
        JsonNode data = json.get("data");
        if (tag == null || data == null || !tag.isTextual() || !tag.asText().startsWith("defmt_") || address > 0xFFFF) {
            return Optional.empty();
        }
        return Optional.of(new DefmtEntry((int) address, tag.asText(), data.asText()));
    }

    private static Map<Integer, DefmtLocation> locations(DebugInfo elf) {
        Map<Integer, DefmtLocation> locations = new HashMap<>();
        for (StaticVariable variable : elf.staticVariables()) {
            if (STATEMENT_VARIABLE.equals(variable.name()) && variable.address() <= 0xFFFF) {
                String file = variable.declaration().path();
                locations.put((int) variable.address(), new DefmtLocation(variable.scope(),
                        file.startsWith("./") ? file.substring(2) : file, variable.declaration().line()));
            }
        }
        return locations;
    }
}
