package io.probehost.flash.format.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.probehost.api.target.CoreDescription;
import io.probehost.api.target.FlashAlgorithm;
import io.probehost.api.target.MemoryRegion;
import io.probehost.api.target.MemoryRegion.Kind;
import io.probehost.flash.format.Hex;

/**
 * Reads a pyOCD-style flash algorithm file (as pyOCD ships them, one per part): the
 * position-dependent blob with its absolute entry points, page buffers and the part's memory map.
 *
 * <p>Page size: older files do not state one, and pyOCD programs one sector per page. We take each
 * flash region's sector size, capped by the room a page buffer has (the spacing of the buffers, or
 * for a single buffer the RAM left after it), so ProgramPage never overruns its buffer. A
 * {@code page_size} field, as newer pyOCD targets have, replaces that cap if it fits a buffer.
 */
public final class AlgorithmFileParser {

    /** Everything an algorithm file declares; the target-pack reader may override names, cores and regions. */
    public record Parsed(String target, Optional<String> vendor, Optional<String> family, Optional<List<CoreDescription>> cores,
            FlashAlgorithm algorithm, List<MemoryRegion> memoryMap, long pageBufferCapacity) {
    }

    private static final long DEFAULT_MIN_PROGRAM_LENGTH = 4;

    private AlgorithmFileParser() {
    }

    public static Parsed parse(String source, byte[] content) {
        JsonFields json = JsonFields.parse(source, content);
        String target = json.optionalString("target").orElse(baseName(source));
        String name = json.optionalString("name").orElse(target);
        byte[] blob = instructions(json);
        long load = json.number("load_address");
        List<RawRegion> regions = new ArrayList<>();
        for (JsonFields region : json.objects("memory_map")) {
            regions.add(RawRegion.parse(region));
        }
        List<Long> buffers = json.has("page_buffers") ? json.numbers("page_buffers")
                : json.has("begin_data") ? List.of(json.number("begin_data")) : null;
        if (buffers == null || buffers.isEmpty()) {
            throw json.error("page_buffers", "missing (give page_buffers or begin_data)");
        }
        long capacity = pageCap(json, bufferCapacity(json, buffers, regions));
        long largestSector = regions.stream().filter(r -> r.kind == Kind.FLASH).mapToLong(r -> r.sectorSize).max()
                .orElseThrow(() -> json.error("memory_map", "has no flash region"));
        EntryPoints entries = new EntryPoints(json, load, blob.length);
        FlashAlgorithm algorithm = new FlashAlgorithm(name, blob, load, entries.required("pc_init"),
                entries.optional("pc_unInit"), entries.optional("pc_eraseAll"), entries.required("pc_erase_sector"),
                entries.required("pc_program_page"), json.number("static_base"), json.number("begin_stack"), buffers,
                json.optionalNumber("min_program_length").orElse(DEFAULT_MIN_PROGRAM_LENGTH),
                Math.min(largestSector, capacity), (int) json.optionalNumber("erased_value").orElse(0xFF),
                timeout(json, "program_page_timeout", FlashAlgorithm.DEFAULT_PROGRAM_TIMEOUT),
                timeout(json, "erase_sector_timeout", FlashAlgorithm.DEFAULT_ERASE_TIMEOUT));
        List<MemoryRegion> memoryMap = regions.stream().map(r -> r.toRegion(name, capacity)).toList();
        Optional<List<CoreDescription>> cores = json.has("cores") ? Optional.of(CoreParser.parseAll(json, "cores"))
                : Optional.empty();
        return new Parsed(target, json.optionalString("vendor"), json.optionalString("family"), cores, algorithm,
                memoryMap, capacity);
    }

    private static byte[] instructions(JsonFields json) {
        byte[] blob;
        if (json.has("instructions_base64")) {
            try {
                blob = Base64.getDecoder().decode(json.string("instructions_base64"));
            } catch (IllegalArgumentException e) {
                throw json.error("instructions_base64", "not valid base64: " + e.getMessage());
            }
        } else if (json.has("instructions")) {
            List<Long> words = json.numbers("instructions");
            blob = new byte[words.size() * 4];
            for (int i = 0; i < words.size(); i++) {
                LittleEndian.putU32(blob, i * 4, words.get(i));
            }
        } else {
            throw json.error("instructions_base64", "missing (give instructions_base64 or instructions)");
        }
        if (blob.length == 0) {
            throw json.error("instructions_base64", "the algorithm blob is empty");
        }
        long declared = json.optionalNumber("instructions_length").orElse(blob.length);
        if (declared != blob.length) {
            throw json.error("instructions_length", declared + " but the instructions hold " + blob.length + " bytes");
        }
        return blob;
    }

    /** A timeout in ms (probe-rs's flash_properties names, the FLM's toProg and toErase); absent: the default. */
    private static Duration timeout(JsonFields json, String field, Duration unknown) {
        if (!json.has(field)) {
            return unknown;
        }
        long millis = json.number(field);
        if (millis <= 0) {
            throw json.error(field, millis + " ms must be positive");
        }
        return Duration.ofMillis(millis);
    }

    /** A stated page_size wins if it fits a buffer; otherwise the buffer capacity caps the page. */
    private static long pageCap(JsonFields json, long bufferCapacity) {
        if (!json.has("page_size")) {
            return bufferCapacity;
        }
        long stated = json.number("page_size");
        if (stated == 0 || stated > bufferCapacity) {
            throw json.error("page_size", stated + " must be positive and fit a page buffer (" + bufferCapacity + " bytes)");
        }
        return stated;
    }

    /** Bytes one page buffer can hold: the gap to the next buffer, or the RAM left after a single one. */
    private static long bufferCapacity(JsonFields json, List<Long> buffers, List<RawRegion> regions) {
        List<Long> sorted = buffers.stream().sorted().toList();
        long capacity = Long.MAX_VALUE;
        for (int i = 0; i + 1 < sorted.size(); i++) {
            capacity = Math.min(capacity, sorted.get(i + 1) - sorted.get(i));
        }
        long last = sorted.get(sorted.size() - 1);
        RawRegion ram = regions.stream().filter(r -> r.kind == Kind.RAM && r.start <= last && last < r.start + r.length)
                .findFirst().orElseThrow(() -> json.error("page_buffers", Hex.address(last) + " is not in a RAM region"));
        capacity = Math.min(capacity, ram.start + ram.length - last);
        if (capacity == 0) {
            throw json.error("page_buffers", "two buffers share the address " + Hex.address(last));
        }
        return capacity;
    }

    static Kind kind(JsonFields region) {
        String kindText = region.string("kind");
        return switch (kindText) {
            case "flash" -> Kind.FLASH;
            case "ram" -> Kind.RAM;
            case "rom" -> Kind.ROM;
            default -> throw region.error("kind", "'" + kindText + "' is not flash, ram or rom");
        };
    }

    private static String baseName(String source) {
        String name = source.substring(source.lastIndexOf('/') + 1);
        return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    }

    /**
     * Entry points must lie inside the blob. A missing field, 0, 0xFFFFFFFF (pyOCD's pack loader)
     * or a value above 32 bits (FlashAlgo's 0x12000001F) means the function is absent.
     */
    private record EntryPoints(JsonFields json, long load, long length) {
        long required(String field) {
            return check(field, json.number(field));
        }

        long optional(String field) {
            long value = json.optionalNumber(field).orElse(0);
            return value == 0 || value >= 0xFFFF_FFFFL ? 0 : check(field, value);
        }

        private long check(String field, long value) {
            if (value < load || value >= load + length) {
                throw json.error(field, Hex.address(value) + " lies outside the algorithm blob " + Hex.range(load, load + length));
            }
            return value;
        }
    }

    /** One memory_map entry as written in the file. */
    private record RawRegion(Kind kind, String name, long start, long length, long sectorSize, boolean boot) {
        static RawRegion parse(JsonFields region) {
            Kind kind = AlgorithmFileParser.kind(region);
            long length = region.number("length");
            if (length == 0) {
                throw region.error("length", "must not be 0");
            }
            long sectorSize = kind == Kind.FLASH ? region.number("blocksize") : 0;
            if (kind == Kind.FLASH && (sectorSize == 0 || length % sectorSize != 0)) {
                throw region.error("blocksize", sectorSize + " does not divide the region length " + length);
            }
            return new RawRegion(kind, region.optionalString("name").orElse(""), region.number("start"), length,
                    sectorSize, region.bool("is_boot_memory", false));
        }

        MemoryRegion toRegion(String algorithm, long bufferCapacity) {
            boolean flash = kind == Kind.FLASH;
            String regionName = name.isEmpty() ? kind.name().toLowerCase(Locale.ROOT) + "_" + Long.toHexString(start) : name;
            return new MemoryRegion(kind, regionName, start, length, sectorSize, flash ? Math.min(sectorSize, bufferCapacity) : 0,
                    boot, flash ? algorithm : "");
        }
    }
}
