package io.probehost.defmt;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.probehost.defmt.internal.ElfTableReader;
import io.probehost.flash.format.debug.DebugInfo;

/**
 * The defmt metadata of a firmware ELF: the wire format version, the stream encoding, every interned
 * string by index, the timestamp format and the source location of each log statement. Immutable.
 */
public final class DefmtTable {

    /** The wire format versions this decoder reads ({@code _defmt_version_}). */
    public static final Set<Integer> VERSIONS = Set.of(3, 4);

    private final int version;
    private final DefmtEncoding encoding;
    private final Map<Integer, DefmtEntry> entries = new TreeMap<>();
    private final Map<Integer, DefmtLocation> locations;
    private final Optional<DefmtEntry> timestamp;

    /** @throws DefmtException for an unsupported version or more than one timestamp format */
    public DefmtTable(int version, DefmtEncoding encoding, Collection<DefmtEntry> entries,
            Map<Integer, DefmtLocation> locations) {
        if (!VERSIONS.contains(version)) {
            throw new DefmtException("defmt wire format version " + version + " is not supported (3 or 4)");
        }
        this.version = version;
        this.encoding = encoding;
        entries.forEach(e -> this.entries.put(e.index(), e));
        this.locations = Map.copyOf(locations);
        List<DefmtEntry> stamps = entries.stream().filter(e -> DefmtEntry.TIMESTAMP.equals(e.tag())).toList();
        if (stamps.size() > 1) {
            throw new DefmtException("the ELF defines " + stamps.size() + " defmt timestamps; one is allowed");
        }
        this.timestamp = stamps.stream().findFirst();
    }

    /**
     * The table of {@code elf}, or empty when the firmware does not use defmt (no {@code _defmt_version_}).
     *
     * @throws DefmtException when the ELF uses defmt but its metadata cannot be used
     */
    public static Optional<DefmtTable> read(Path elf) {
        return read(DebugInfo.read(elf));
    }

    /** The table in an ELF already read; empty when the firmware does not use defmt. */
    public static Optional<DefmtTable> read(DebugInfo debugInfo) {
        return ElfTableReader.read(debugInfo);
    }

    public int version() {
        return version;
    }

    public DefmtEncoding encoding() {
        return encoding;
    }

    public Optional<DefmtEntry> entry(int index) {
        return Optional.ofNullable(entries.get(index));
    }

    public Collection<DefmtEntry> entries() {
        return entries.values();
    }

    /** The timestamp format string's entry ({@code defmt_timestamp}), when the firmware defines one. */
    public Optional<DefmtEntry> timestamp() {
        return timestamp;
    }

    public Optional<DefmtLocation> location(int index) {
        return Optional.ofNullable(locations.get(index));
    }
}
