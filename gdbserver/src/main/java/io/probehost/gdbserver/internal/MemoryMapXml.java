package io.probehost.gdbserver.internal;

import java.util.Comparator;
import java.util.List;

import io.probehost.api.target.MemoryRegion;

/**
 * The memory map GDB reads with {@code qXfer:memory-map:read}: flash regions with their erase
 * block size (so that {@code load} writes them with {@code vFlash} packets and breakpoints there
 * are hardware ones), RAM and ROM. Regions are sorted by address and never overlap.
 */
final class MemoryMapXml {
    private MemoryMapXml() {
    }

    static String of(List<MemoryRegion> regions) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE memory-map PUBLIC "
                + "\"+//IDN gnu.org//DTD GDB Memory Map V1.0//EN\" \"http://sourceware.org/gdb/gdb-memory-map.dtd\">\n"
                + "<memory-map>\n");
        long covered = 0;
        for (MemoryRegion region : regions.stream().sorted(Comparator.comparingLong(MemoryRegion::start)).toList()) {
            long start = Math.max(region.start(), covered);
            if (start >= region.end()) {
                continue;
            }
            xml.append(String.format("  <memory type=\"%s\" start=\"0x%x\" length=\"0x%x\"", type(region), start,
                    region.end() - start));
            if (region.isFlash()) {
                xml.append(String.format(">\n    <property name=\"blocksize\">0x%x</property>\n  </memory>\n",
                        blockSize(region)));
            } else {
                xml.append("/>\n");
            }
            covered = region.end();
        }
        return xml.append("</memory-map>\n").toString();
    }

    private static String type(MemoryRegion region) {
        return switch (region.kind()) {
            case FLASH -> "flash";
            case RAM -> "ram";
            case ROM -> "rom";
        };
    }

    private static long blockSize(MemoryRegion region) {
        return region.sectorSize() > 0 ? region.sectorSize() : Math.max(region.pageSize(), 1);
    }
}
