package io.probehost.flash.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.probehost.api.target.FlashAlgorithm;
import io.probehost.api.target.MemoryRegion;
import io.probehost.api.target.TargetDescription;
import io.probehost.flash.FlashException;
import io.probehost.flash.format.FirmwareImage;
import io.probehost.flash.format.ImageSegment;

/** The sectors an image touches, per flash region, checked against the target before anything is erased. */
final class FlashPlan {
    private FlashPlan() {
    }

    /** Refuses an image with bytes outside the target's flash, naming the first such range. */
    static void checkFits(FirmwareImage image, TargetDescription target) {
        if (image.isEmpty()) {
            throw new FlashException(image.source() + " holds no data; nothing was erased");
        }
        List<MemoryRegion> flash = flashRegions(target);
        for (ImageSegment segment : image.segments()) {
            long address = segment.address();
            while (address < segment.end()) {
                MemoryRegion region = regionAt(flash, address);
                if (region == null) {
                    long outsideEnd = segment.end();
                    for (MemoryRegion r : flash) {
                        if (r.start() > address && r.start() < outsideEnd) {
                            outsideEnd = r.start();
                        }
                    }
                    throw new FlashException(String.format(
                            "%s does not fit %s: bytes 0x%08X-0x%08X lie outside its flash (%s); nothing was erased",
                            image.source(), target.name(), address, outsideEnd - 1, describe(flash)));
                }
                address = Math.min(segment.end(), region.end());
            }
        }
    }

    static List<MemoryRegion> flashRegions(TargetDescription target) {
        return target.memoryMap().stream().filter(MemoryRegion::isFlash).toList();
    }

    private static MemoryRegion regionAt(List<MemoryRegion> regions, long address) {
        for (MemoryRegion region : regions) {
            if (region.contains(address)) {
                return region;
            }
        }
        return null;
    }

    static String describe(List<MemoryRegion> regions) {
        List<String> parts = new ArrayList<>();
        for (MemoryRegion r : regions) {
            parts.add(String.format("%s 0x%08X-0x%08X", r.name(), r.start(), r.end() - 1));
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    static FlashAlgorithm algorithmOf(TargetDescription target, MemoryRegion region) {
        return target.algorithm(region.algorithm()).or(() -> target.algorithms().stream().findFirst())
                .orElseThrow(() -> new FlashException("target " + target.name() + " has no flash algorithm for "
                        + region.name()));
    }

    static long sectorSize(MemoryRegion region, FlashAlgorithm algorithm) {
        return region.sectorSize() > 0 ? region.sectorSize() : algorithm.pageSize();
    }

    static int pageSize(MemoryRegion region, FlashAlgorithm algorithm) {
        long page = region.pageSize() > 0 ? region.pageSize() : algorithm.pageSize();
        return (int) Math.min(page, sectorSize(region, algorithm));
    }

    /** Every sector holding image bytes, in address order, with the image laid over erased bytes. */
    static List<Sector> sectors(FirmwareImage image, TargetDescription target) {
        List<Sector> sectors = new ArrayList<>();
        for (MemoryRegion region : flashRegions(target)) {
            if (!image.intersects(region.start(), region.end())) {
                continue;
            }
            FlashAlgorithm algorithm = algorithmOf(target, region);
            long size = sectorSize(region, algorithm);
            for (long address = region.start(); address < region.end(); address += size) {
                long end = Math.min(address + size, region.end());
                if (image.intersects(address, end)) {
                    sectors.add(sector(image, region, algorithm, address, (int) (end - address)));
                }
            }
        }
        return sectors;
    }

    /** The sectors of {@code [address, address + length)}, to be erased (wanted = erased bytes). */
    static List<Sector> erasedSectors(TargetDescription target, long address, long length) {
        List<Sector> sectors = new ArrayList<>();
        long end = address + length;
        for (MemoryRegion region : flashRegions(target)) {
            FlashAlgorithm algorithm = algorithmOf(target, region);
            long size = sectorSize(region, algorithm);
            for (long sector = region.start(); sector < region.end(); sector += size) {
                long sectorEnd = Math.min(sector + size, region.end());
                if (sector < end && sectorEnd > address) {
                    byte[] wanted = new byte[(int) (sectorEnd - sector)];
                    Arrays.fill(wanted, (byte) algorithm.erasedValue());
                    sectors.add(new Sector(region, algorithm, sector, wanted, new boolean[wanted.length]));
                }
            }
        }
        if (sectors.isEmpty()) {
            throw new FlashException(String.format("0x%08X-0x%08X is not in the flash of %s (%s)", address, end - 1,
                    target.name(), describe(flashRegions(target))));
        }
        return sectors;
    }

    private static Sector sector(FirmwareImage image, MemoryRegion region, FlashAlgorithm algorithm, long address,
            int size) {
        byte[] wanted = new byte[size];
        Arrays.fill(wanted, (byte) algorithm.erasedValue());
        boolean[] fromImage = new boolean[size];
        for (ImageSegment segment : image.clip(address, address + size).segments()) {
            int offset = (int) (segment.address() - address);
            byte[] data = segment.data();
            System.arraycopy(data, 0, wanted, offset, data.length);
            Arrays.fill(fromImage, offset, offset + data.length, true);
        }
        return new Sector(region, algorithm, address, wanted, fromImage);
    }
}
