package io.probehost.flash.format.internal;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.probehost.api.target.FlashAlgorithm;
import io.probehost.api.target.MemoryRegion;
import io.probehost.api.target.TargetDescription;
import io.probehost.flash.format.Hex;
import io.probehost.flash.format.ImageFormatException;

/** Consistency checks every target description we produce passes before it is returned. */
public final class TargetChecks {

    private TargetChecks() {
    }

    public static TargetDescription check(String source, TargetDescription target) {
        String where = source + ": target '" + target.name() + "': ";
        if (target.cores().isEmpty()) {
            throw new ImageFormatException(where + "has no cores");
        }
        if (target.memoryMap().stream().noneMatch(MemoryRegion::isFlash)) {
            throw new ImageFormatException(where + "has no flash region");
        }
        checkNoOverlap(where, target.memoryMap());
        Set<String> names = new HashSet<>();
        for (MemoryRegion region : target.memoryMap()) {
            if (!names.add(region.name())) {
                throw new ImageFormatException(where + "two regions are named '" + region.name() + "'");
            }
            if (region.isFlash() && target.algorithm(region.algorithm()).isEmpty()) {
                throw new ImageFormatException(where + "region '" + region.name() + "' names missing algorithm '"
                        + region.algorithm() + "'");
            }
        }
        for (FlashAlgorithm algorithm : target.algorithms()) {
            checkAlgorithm(where + "algorithm '" + algorithm.name() + "': ", target, algorithm);
        }
        return target;
    }

    private static void checkNoOverlap(String where, List<MemoryRegion> regions) {
        List<MemoryRegion> sorted = regions.stream().sorted(Comparator.comparingLong(MemoryRegion::start)).toList();
        for (int i = 1; i < sorted.size(); i++) {
            MemoryRegion a = sorted.get(i - 1);
            MemoryRegion b = sorted.get(i);
            if (b.start() < a.end()) {
                throw new ImageFormatException(where + "region '" + b.name() + "' " + Hex.range(b.start(), b.end())
                        + " overlaps region '" + a.name() + "' " + Hex.range(a.start(), a.end()));
            }
        }
    }

    private static void checkAlgorithm(String where, TargetDescription target, FlashAlgorithm algorithm) {
        long load = algorithm.loadAddress();
        long end = load + algorithm.instructions().length;
        MemoryRegion ram = target.regionContaining(load).filter(r -> r.kind() == MemoryRegion.Kind.RAM)
                .orElseThrow(() -> new ImageFormatException(where + "load address " + Hex.address(load) + " is not in RAM"));
        if (end > ram.end()) {
            throw new ImageFormatException(where + "blob " + Hex.range(load, end) + " runs past RAM region '" + ram.name() + "'");
        }
        if (algorithm.beginStack() <= load || algorithm.beginStack() > ram.end()) {
            throw new ImageFormatException(where + "stack top " + Hex.address(algorithm.beginStack()) + " is not in RAM region '"
                    + ram.name() + "' above the blob");
        }
        for (long buffer : algorithm.pageBuffers()) {
            boolean inRam = target.regionContaining(buffer).filter(r -> r.kind() == MemoryRegion.Kind.RAM).isPresent();
            if (!inRam || (buffer < end && buffer + algorithm.pageSize() > load)) {
                throw new ImageFormatException(where + "page buffer " + Hex.address(buffer) + " is not in free RAM");
            }
        }
        if (algorithm.pageSize() <= 0) {
            throw new ImageFormatException(where + "page size must be positive");
        }
    }
}
