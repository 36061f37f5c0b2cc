package io.probehost.flash.format.debug.internal;

import java.util.ArrayList;
import java.util.List;

import io.probehost.flash.format.Hex;
import io.probehost.flash.format.debug.AddressRange;

/**
 * Reads the address ranges {@code DW_AT_ranges} points to: DWARF 5 range lists in
 * {@code .debug_rnglists} and DWARF 2-4 address pairs in {@code .debug_ranges} (32-bit targets).
 * Entries that need {@code .debug_addr} (split DWARF) are not supported.
 */
public final class RangeListReader {

    private static final int DW_RLE_END_OF_LIST = 0;
    private static final int DW_RLE_OFFSET_PAIR = 4;
    private static final int DW_RLE_BASE_ADDRESS = 5;
    private static final int DW_RLE_START_END = 6;
    private static final int DW_RLE_START_LENGTH = 7;

    private final DwarfCursor rnglists;
    private final DwarfCursor ranges;

    /** Either section may be null when the file has none. */
    public RangeListReader(DwarfCursor rnglists, DwarfCursor ranges) {
        this.rnglists = rnglists;
        this.ranges = ranges;
    }

    /** The ranges at {@code offset}, for a unit of {@code version} whose base address is {@code base}. */
    public List<AddressRange> read(int version, long offset, long base) {
        return version >= 5 ? rangeList(offset, base) : addressPairs(offset, base);
    }

    private List<AddressRange> rangeList(long offset, long base) {
        DwarfCursor in = require(rnglists, ".debug_rnglists");
        in.unlimit();
        in.seek(offset);
        List<AddressRange> out = new ArrayList<>();
        for (int kind = in.u8(); kind != DW_RLE_END_OF_LIST; kind = in.u8()) {
            switch (kind) {
                case DW_RLE_OFFSET_PAIR -> {
                    long start = in.uleb();
                    out.add(new AddressRange(base + start, base + in.uleb()));
                }
                case DW_RLE_BASE_ADDRESS -> base = in.u32();
                case DW_RLE_START_END -> out.add(new AddressRange(in.u32(), in.u32()));
                case DW_RLE_START_LENGTH -> {
                    long start = in.u32();
                    out.add(new AddressRange(start, start + in.uleb()));
                }
                default -> throw in.error("range list entry kind " + kind + " at " + Hex.address(in.position() - 1)
                        + " needs .debug_addr (split DWARF), which is not supported");
            }
        }
        return out;
    }

    private List<AddressRange> addressPairs(long offset, long base) {
        DwarfCursor in = require(ranges, ".debug_ranges");
        in.unlimit();
        in.seek(offset);
        List<AddressRange> out = new ArrayList<>();
        while (true) {
            long start = in.u32();
            long end = in.u32();
            if (start == 0 && end == 0) {
                return out;
            }
            if (start == 0xFFFF_FFFFL) {
                base = end;
            } else {
                out.add(new AddressRange(base + start, base + end));
            }
        }
    }

    private static DwarfCursor require(DwarfCursor section, String name) {
        if (section == null) {
            throw new io.probehost.flash.format.ImageFormatException(name + ": DW_AT_ranges points into it, but the file has none");
        }
        return section;
    }
}
