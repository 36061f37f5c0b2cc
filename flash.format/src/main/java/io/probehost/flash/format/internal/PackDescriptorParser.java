package io.probehost.flash.format.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.probehost.api.target.FlashAlgorithm;
import io.probehost.api.target.MemoryRegion;
import io.probehost.api.target.MemoryRegion.Kind;
import io.probehost.api.target.TargetDescription;
import io.probehost.flash.format.PackResourceLoader;
import io.probehost.flash.format.TargetPackDescriptor;
import io.probehost.flash.format.TargetPackReader;

/** Parses {@code probehost-pack.json}; unknown fields are errors so typos do not pass silently. */
public final class PackDescriptorParser {

    private static final Set<String> PACK_FIELDS = Set.of("format", "name", "version", "targets");
    private static final Set<String> TARGET_FIELDS = Set.of("name", "vendor", "family", "cores", "algorithm", "memoryMap",
            "resetType");
    private static final Set<String> REGION_FIELDS = Set.of("kind", "name", "start", "length", "sectorSize", "pageSize",
            "boot");
    private static final Set<String> RESET_TYPES = Set.of("sysresetreq", "hardware", "vectreset");

    private PackDescriptorParser() {
    }

    public static TargetPackDescriptor parse(String source, byte[] content, PackResourceLoader loader) {
        JsonFields pack = JsonFields.parse(source, content);
        pack.onlyFields(PACK_FIELDS);
        String format = pack.string("format");
        if (!format.equals(TargetPackReader.FORMAT)) {
            throw pack.error("format", "'" + format + "' is not " + TargetPackReader.FORMAT);
        }
        String name = pack.string("name");
        String version = pack.string("version");
        List<TargetDescription> targets = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonFields target : pack.objects("targets")) {
            TargetDescription description = parseTarget(target, loader);
            if (!names.add(description.name())) {
                throw target.error("name", "target '" + description.name() + "' is listed twice");
            }
            targets.add(description);
        }
        if (targets.isEmpty()) {
            throw pack.error("targets", "must list at least one target");
        }
        return new TargetPackDescriptor(name, version, targets);
    }

    private static TargetDescription parseTarget(JsonFields target, PackResourceLoader loader) {
        target.onlyFields(TARGET_FIELDS);
        String name = target.string("name");
        if (!name.equals(name.toLowerCase(Locale.ROOT)) || name.contains(" ")) {
            throw target.error("name", "'" + name + "' must be lower case without spaces");
        }
        String resetType = target.optionalString("resetType").orElse("sysresetreq");
        if (!RESET_TYPES.contains(resetType)) {
            throw target.error("resetType", "'" + resetType + "' is not one of " + RESET_TYPES.stream().sorted().toList());
        }
        String reference = target.string("algorithm");
        AlgorithmFileParser.Parsed algorithmFile = AlgorithmFileParser.parse(reference, load(target, reference, loader));
        FlashAlgorithm algorithm = algorithmFile.algorithm();
        List<MemoryRegion> memoryMap = algorithmFile.memoryMap();
        if (target.has("memoryMap")) {
            memoryMap = new ArrayList<>();
            for (JsonFields region : target.objects("memoryMap")) {
                memoryMap.add(parseRegion(region, algorithm.name(), algorithmFile.pageBufferCapacity()));
            }
        }
        TargetDescription description = new TargetDescription(name, target.string("vendor"), target.string("family"),
                CoreParser.parseAll(target, "cores"), memoryMap, List.of(algorithm), resetType);
        return TargetChecks.check(target.source(), description);
    }

    private static byte[] load(JsonFields target, String reference, PackResourceLoader loader) {
        try {
            return loader.load(reference);
        } catch (IOException e) {
            throw target.error("algorithm", "cannot read '" + reference + "': " + e.getMessage());
        }
    }

    private static MemoryRegion parseRegion(JsonFields region, String algorithm, long bufferCapacity) {
        region.onlyFields(REGION_FIELDS);
        Kind kind = AlgorithmFileParser.kind(region);
        long length = region.number("length");
        if (length == 0) {
            throw region.error("length", "must not be 0");
        }
        if (kind != Kind.FLASH) {
            return new MemoryRegion(kind, region.string("name"), region.number("start"), length, 0, 0,
                    region.bool("boot", false), "");
        }
        long sectorSize = region.number("sectorSize");
        if (sectorSize == 0 || length % sectorSize != 0) {
            throw region.error("sectorSize", sectorSize + " does not divide the region length " + length);
        }
        long pageSize = region.optionalNumber("pageSize").orElse(Math.min(sectorSize, bufferCapacity));
        if (pageSize == 0 || pageSize > bufferCapacity || sectorSize % pageSize != 0) {
            throw region.error("pageSize", pageSize + " must divide the sector size and fit a page buffer (" + bufferCapacity
                    + " bytes)");
        }
        return new MemoryRegion(kind, region.string("name"), region.number("start"), length, sectorSize, pageSize,
                region.bool("boot", false), algorithm);
    }
}
