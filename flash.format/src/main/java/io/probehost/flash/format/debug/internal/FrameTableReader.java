package io.probehost.flash.format.debug.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.probehost.flash.format.Hex;

/** Reads the CIEs and FDEs of a {@code .debug_frame} section (CIE versions 1, 3 and 4). */
public final class FrameTableReader {

    /** A common information entry: the factors, the return-address column and the initial instructions. */
    public record Cie(long offset, long codeAlignment, long dataAlignment, int returnAddressRegister, int addressSize,
            byte[] initialInstructions) {
    }

    /** A frame description entry: the code range {@code [start, end)} and its CFA instructions. */
    public record Fde(long start, long end, Cie cie, byte[] instructions) {
    }

    private static final long CIE_ID_32 = 0xFFFF_FFFFL;

    private final DwarfCursor in;
    private final int defaultAddressSize;

    public FrameTableReader(DwarfCursor debugFrame, int addressSize) {
        this.in = debugFrame;
        this.defaultAddressSize = addressSize;
    }

    /** Every FDE, except those of discarded functions (address 0 with a CIE pointer to nothing or length 0). */
    public List<Fde> read() {
        Map<Long, Cie> cies = new HashMap<>();
        List<long[]> pending = new ArrayList<>();
        List<Fde> fdes = new ArrayList<>();
        in.seek(0);
        while (in.hasMore()) {
            long start = in.position();
            DwarfCursor.UnitExtent extent = in.unitLength();
            int offsetSize = extent.offsetSize();
            long end = extent.end();
            if (end == in.position()) {
                continue;
            }
            in.limit(end);
            long id = in.fixed(offsetSize);
            if (id == (offsetSize == 8 ? -1L : CIE_ID_32)) {
                cies.put(start, readCie(start, end));
            } else {
                pending.add(new long[] {id, in.position(), end});
            }
            in.unlimit();
            in.seek(end);
        }
        for (long[] p : pending) {
            Cie cie = cies.get(p[0]);
            if (cie == null) {
                throw in.error("FDE at " + Hex.address(p[1]) + " points to CIE " + Hex.address(p[0]) + ", which is not there");
            }
            in.seek(p[1]);
            in.limit(p[2]);
            long initial = in.fixed(cie.addressSize());
            long range = in.fixed(cie.addressSize());
            byte[] instructions = in.bytes(p[2] - in.position());
            in.unlimit();
            fdes.add(new Fde(initial, initial + range, cie, instructions));
        }
        return fdes;
    }

    private Cie readCie(long start, long end) {
        int version = in.u8();
        if (version != 1 && version != 3 && version != 4) {
            throw in.error("CIE at " + Hex.address(start) + " has version " + version + ", expected 1, 3 or 4");
        }
        String augmentation = in.string();
        if (!augmentation.isEmpty()) {
            throw in.error("CIE at " + Hex.address(start) + " has augmentation \"" + augmentation
                    + "\", which .debug_frame readers do not support");
        }
        int addressSize = defaultAddressSize;
        if (version == 4) {
            addressSize = in.u8();
            in.u8();
        }
        long codeAlignment = in.uleb();
        long dataAlignment = in.sleb();
        int returnAddressRegister = version == 1 ? in.u8() : (int) in.uleb();
        byte[] initial = in.bytes(end - in.position());
        return new Cie(start, codeAlignment, dataAlignment, returnAddressRegister, addressSize, initial);
    }
}
