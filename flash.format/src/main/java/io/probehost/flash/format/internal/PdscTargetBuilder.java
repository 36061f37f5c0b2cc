package io.probehost.flash.format.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.probehost.api.target.CoreDescription;
import io.probehost.api.target.FlashAlgorithm;
import io.probehost.api.target.MemoryRegion;
import io.probehost.api.target.MemoryRegion.Kind;
import io.probehost.api.target.TargetDescription;
import io.probehost.flash.format.FlmAlgorithm;
import io.probehost.flash.format.FlmReader;
import io.probehost.flash.format.Hex;
import io.probehost.flash.format.ImageFormatException;
import io.probehost.flash.format.PackResourceLoader;
import io.probehost.flash.format.PdscAlgorithm;
import io.probehost.flash.format.PdscDevice;
import io.probehost.flash.format.PdscMemory;
import io.probehost.flash.format.PdscProcessor;
import io.probehost.flash.format.SectorGroup;

/** Builds a target description from a .pdsc device and the FLMs it names. */
public final class PdscTargetBuilder {

    /** Dcore to architecture, as probe-rs target-gen maps them. */
    private static final Map<String, String> ARCHITECTURES = Map.ofEntries(Map.entry("Cortex-M0", "armv6m"),
            Map.entry("Cortex-M0+", "armv6m"), Map.entry("Cortex-M1", "armv6m"), Map.entry("SC000", "armv6m"),
            Map.entry("Cortex-M3", "armv7m"), Map.entry("SC300", "armv7m"), Map.entry("Cortex-M4", "armv7em"),
            Map.entry("Cortex-M7", "armv7em"), Map.entry("Cortex-M23", "armv8m"), Map.entry("Cortex-M33", "armv8m"),
            Map.entry("Cortex-M35P", "armv8m"), Map.entry("Cortex-M52", "armv8m"), Map.entry("Cortex-M55", "armv8m"),
            Map.entry("Cortex-M85", "armv8m"), Map.entry("Star-MC1", "armv8m"), Map.entry("ARMV8MBL", "armv8m"),
            Map.entry("ARMV8MML", "armv8m"), Map.entry("ARMV81MML", "armv8m"));

    private record Placed(PdscAlgorithm declared, FlmAlgorithm flm, FlashAlgorithm algorithm) {
    }

    private PdscTargetBuilder() {
    }

    public static Optional<String> architecture(String dcore) {
        return Optional.ofNullable(ARCHITECTURES.get(dcore));
    }

    public static TargetDescription build(String source, PdscDevice device, PackResourceLoader packFiles) {
        String where = source + ": device '" + device.name() + "': ";
        List<CoreDescription> cores = new ArrayList<>();
        for (PdscProcessor p : device.processors()) {
            String architecture = architecture(p.core()).orElseThrow(() -> new ImageFormatException(where + "core " + p.core()
                    + " is not supported (Cortex-M and compatible cores only)"));
            cores.add(new CoreDescription(p.pname().isEmpty() ? "core" + cores.size() : p.pname(), p.core(), architecture, 0));
        }
        List<Placed> algorithms = placeAlgorithms(where, device, packFiles);
        List<MemoryRegion> regions = new ArrayList<>();
        for (PdscMemory memory : device.memories()) {
            if (memory.writable()) {
                regions.add(new MemoryRegion(Kind.RAM, memory.name(), memory.start(), memory.size(), 0, 0, memory.startup(), ""));
            } else {
                addNonVolatile(regions, memory, algorithms);
            }
        }
        TargetDescription target = new TargetDescription(device.name().toLowerCase(Locale.ROOT), device.vendor(), device.family(),
                cores, regions, algorithms.stream().map(Placed::algorithm).toList(), "sysresetreq");
        return TargetChecks.check(source, target);
    }

    /** Default algorithms only (as pyOCD does), or all of them when none is marked default. */
    private static List<Placed> placeAlgorithms(String where, PdscDevice device, PackResourceLoader packFiles) {
        List<PdscAlgorithm> chosen = device.algorithms().stream().filter(PdscAlgorithm::isDefault).toList();
        if (chosen.isEmpty()) {
            chosen = device.algorithms();
        }
        List<Placed> placed = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (PdscAlgorithm declared : chosen) {
            byte[] content;
            try {
                content = packFiles.load(declared.file());
            } catch (IOException e) {
                throw new ImageFormatException(where + "cannot read algorithm " + declared.file() + ": " + e.getMessage(), e);
            }
            FlmAlgorithm flm = FlmReader.read(declared.file(), content);
            long ramStart;
            long ramSize;
            if (declared.ramStart().isPresent()) {
                ramStart = declared.ramStart().getAsLong();
                ramSize = declared.ramSize().getAsLong();
            } else {
                PdscMemory ram = device.memories().stream().filter(m -> m.writable() && m.isDefault()).findFirst()
                        .or(() -> device.memories().stream().filter(PdscMemory::writable).findFirst())
                        .orElseThrow(() -> new ImageFormatException(where + "no RAM to run algorithm " + declared.file()));
                ramStart = ram.start();
                ramSize = ram.size();
            }
            String name = uniqueName(algorithmName(declared.file()), names);
            placed.add(new Placed(declared, flm, flm.place(name, ramStart, ramSize)));
        }
        return placed;
    }

    /** Flash where an algorithm covers the memory, split at sector-size changes; ROM elsewhere. */
    private static void addNonVolatile(List<MemoryRegion> regions, PdscMemory memory, List<Placed> algorithms) {
        long end = memory.start() + memory.size();
        List<MemoryRegion> parts = new ArrayList<>();
        long at = memory.start();
        while (at < end) {
            long here = at;
            Optional<Placed> owner = algorithms.stream()
                    .filter(p -> p.declared().start() <= here && here < p.declared().start() + p.declared().size()).findFirst();
            if (owner.isEmpty()) {
                long next = algorithms.stream().mapToLong(p -> p.declared().start()).filter(s -> s > here && s < end).min().orElse(end);
                parts.add(new MemoryRegion(Kind.ROM, "", here, next - here, 0, 0, memory.startup(), ""));
                at = next;
                continue;
            }
            Placed p = owner.get();
            long algorithmEnd = p.declared().start() + p.declared().size();
            List<SectorGroup> groups = p.flm().device().sectors();
            for (int i = 0; i < groups.size() && at < Math.min(end, algorithmEnd); i++) {
                long groupStart = p.declared().start() + groups.get(i).offset();
                long groupEnd = i + 1 < groups.size() ? p.declared().start() + groups.get(i + 1).offset() : algorithmEnd;
                long from = Math.max(at, groupStart);
                long to = Math.min(Math.min(end, algorithmEnd), groupEnd);
                if (from < to) {
                    long sector = groups.get(i).size();
                    parts.add(new MemoryRegion(Kind.FLASH, "", from, to - from, sector,
                            Math.min(sector, p.flm().device().pageSize()), memory.startup() && from == memory.start(),
                            p.algorithm().name()));
                    at = to;
                }
            }
            if (at < Math.min(end, algorithmEnd)) {
                throw new ImageFormatException(p.flm().source() + ": sector table does not cover " + Hex.address(at));
            }
        }
        for (int i = 0; i < parts.size(); i++) {
            MemoryRegion r = parts.get(i);
            String name = parts.size() == 1 ? memory.name() : memory.name() + "_" + i;
            regions.add(new MemoryRegion(r.kind(), name, r.start(), r.length(), r.sectorSize(), r.pageSize(), r.bootMemory(),
                    r.algorithm()));
        }
    }

    private static String algorithmName(String file) {
        String base = file.substring(file.lastIndexOf('/') + 1);
        int dot = base.lastIndexOf('.');
        return (dot > 0 ? base.substring(0, dot) : base).toLowerCase(Locale.ROOT);
    }

    private static String uniqueName(String name, Set<String> taken) {
        String candidate = name;
        for (int i = 2; !taken.add(candidate); i++) {
            candidate = name + "_" + i;
        }
        return candidate;
    }
}
