package io.probehost.flash.format;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

import io.probehost.api.target.MemoryRegion;

/**
 * The bytes a firmware file asks to be stored: sorted, non-overlapping segments, with touching
 * segments merged into one. Immutable; build one with {@link #builder(String)}.
 */
public final class FirmwareImage {

    private final String source;
    private final List<ImageSegment> segments;
    private final OptionalLong entryPoint;

    private FirmwareImage(String source, List<ImageSegment> segments, OptionalLong entryPoint) {
        this.source = source;
        this.segments = List.copyOf(segments);
        this.entryPoint = entryPoint;
    }

    public static Builder builder(String source) {
        return new Builder(source);
    }

    /** Name of the file (or other source) the image was read from, for messages. */
    public String source() {
        return source;
    }

    /** Segments in ascending address order; no two overlap or touch. */
    public List<ImageSegment> segments() {
        return segments;
    }

    /** Entry point the file declares (ELF e_entry, HEX start linear address), if any. */
    public OptionalLong entryPoint() {
        return entryPoint;
    }

    public boolean isEmpty() {
        return segments.isEmpty();
    }

    /** Total number of bytes to store (holes not counted). */
    public long size() {
        return segments.stream().mapToLong(ImageSegment::length).sum();
    }

    /** Lowest address holding data; the image must not be empty. */
    public long start() {
        requireData();
        return segments.get(0).address();
    }

    /** One past the highest address holding data; the image must not be empty. */
    public long end() {
        requireData();
        return segments.get(segments.size() - 1).end();
    }

    /** Whether any byte of {@code [from, to)} holds data. */
    public boolean intersects(long from, long to) {
        return segments.stream().anyMatch(s -> s.address() < to && s.end() > from);
    }

    /** The bytes of {@code [from, from + length)}, holes filled with {@code fill}. */
    public byte[] read(long from, int length, int fill) {
        byte[] out = new byte[length];
        Arrays.fill(out, (byte) fill);
        long to = from + length;
        for (ImageSegment s : segments) {
            long lo = Math.max(from, s.address());
            long hi = Math.min(to, s.end());
            if (lo < hi) {
                s.copyInto(out, (int) (lo - from), (int) (lo - s.address()), (int) (hi - lo));
            }
        }
        return out;
    }

    /** The part of this image inside {@code [from, to)}. */
    public FirmwareImage clip(long from, long to) {
        List<ImageSegment> inside = new ArrayList<>();
        for (ImageSegment s : segments) {
            long lo = Math.max(from, s.address());
            long hi = Math.min(to, s.end());
            if (lo < hi) {
                inside.add(s.slice(lo, hi));
            }
        }
        return new FirmwareImage(source, inside, entryPoint);
    }

    /**
     * Splits the image by memory region, in memory-map order, leaving out regions it does not touch.
     *
     * @throws ImageFormatException naming the first byte range no region holds
     */
    public List<RegionImage> layOver(List<MemoryRegion> memoryMap) {
        List<MemoryRegion> byStart = memoryMap.stream().sorted(Comparator.comparingLong(MemoryRegion::start)).toList();
        for (ImageSegment s : segments) {
            long at = s.address();
            while (at < s.end()) {
                long here = at;
                MemoryRegion region = byStart.stream().filter(r -> r.contains(here)).findFirst().orElse(null);
                if (region == null) {
                    long gapEnd = byStart.stream().mapToLong(MemoryRegion::start).filter(st -> st > here)
                            .min().orElse(s.end());
                    throw new ImageFormatException(source + ": " + Hex.range(at, Math.min(gapEnd, s.end()))
                            + " lies outside the target memory map");
                }
                at = Math.min(region.end(), s.end());
            }
        }
        List<RegionImage> parts = new ArrayList<>();
        for (MemoryRegion region : memoryMap) {
            FirmwareImage part = clip(region.start(), region.end());
            if (!part.isEmpty()) {
                parts.add(new RegionImage(region, part));
            }
        }
        return parts;
    }

    private void requireData() {
        if (segments.isEmpty()) {
            throw new IllegalStateException(source + ": the image holds no data");
        }
    }

    @Override
    public String toString() {
        return "FirmwareImage[" + source + ", " + segments.size() + " segments, " + size() + " bytes]";
    }

    /** Collects segments in any order and checks them when built. */
    public static final class Builder {
        private final String source;
        private final List<ImageSegment> pieces = new ArrayList<>();
        private OptionalLong entryPoint = OptionalLong.empty();

        private Builder(String source) {
            this.source = source;
        }

        /** Adds {@code data} at {@code address}; empty data is ignored. */
        public Builder add(long address, byte[] data) {
            if (data.length > 0) {
                pieces.add(new ImageSegment(address, data));
            }
            return this;
        }

        public Builder add(ImageSegment segment) {
            pieces.add(segment);
            return this;
        }

        public Builder entryPoint(long address) {
            entryPoint = OptionalLong.of(address);
            return this;
        }

        /**
         * Sorts, merges touching segments and rejects overlaps.
         *
         * @throws ImageFormatException naming the two overlapping ranges
         */
        public FirmwareImage build() {
            List<ImageSegment> sorted = pieces.stream().sorted(Comparator.comparingLong(ImageSegment::address)).toList();
            List<ImageSegment> merged = new ArrayList<>();
            ByteArrayOutputStream run = new ByteArrayOutputStream();
            long runStart = -1;
            long runEnd = -1;
            ImageSegment previous = null;
            for (ImageSegment s : sorted) {
                if (previous != null && s.address() < previous.end()) {
                    throw new ImageFormatException(source + ": data at " + Hex.range(s.address(), s.end())
                            + " overlaps data at " + Hex.range(previous.address(), previous.end()));
                }
                if (s.address() != runEnd) {
                    flush(merged, runStart, run);
                    runStart = s.address();
                }
                run.writeBytes(s.data());
                runEnd = s.end();
                previous = s;
            }
            flush(merged, runStart, run);
            return new FirmwareImage(source, merged, entryPoint);
        }

        private static void flush(List<ImageSegment> merged, long runStart, ByteArrayOutputStream run) {
            if (run.size() > 0) {
                merged.add(new ImageSegment(runStart, run.toByteArray()));
                run.reset();
            }
        }
    }
}
