package io.probehost.flash.format.internal;

import static io.probehost.flash.format.internal.LittleEndian.u32;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

import io.probehost.flash.format.FirmwareImage;
import io.probehost.flash.format.Hex;
import io.probehost.flash.format.ImageFormatException;

/**
 * UF2: 512-byte blocks, each carrying up to 476 payload bytes for one target address. Unlike a
 * bootloader scanning a disk stream, this reader reads a file, so a block with a broken magic is
 * corruption and rejected rather than skipped.
 */
public final class Uf2Reader {

    static final long MAGIC_START0 = 0x0A324655L;
    static final long MAGIC_START1 = 0x9E5D5157L;
    static final long MAGIC_END = 0x0AB16F30L;
    static final long FLAG_NOT_MAIN_FLASH = 0x1;
    static final long FLAG_FILE_CONTAINER = 0x1000;
    static final long FLAG_FAMILY_ID = 0x2000;
    private static final int BLOCK_SIZE = 512;
    private static final int MAX_PAYLOAD = 476;
    private static final int DATA_OFFSET = 32;
    /** Key for blocks that carry no family ID. */
    private static final long NO_FAMILY = -1;

    private Uf2Reader() {
    }

    /** Block numbering is checked per family, since a file may concatenate several families. */
    private static final class FamilyRun {
        long numBlocks = -1;
        long next;
    }

    public static FirmwareImage read(String source, byte[] content, OptionalLong wantedFamily) {
        if (content.length == 0) {
            throw new ImageFormatException(source + ": empty UF2 file");
        }
        if (content.length % BLOCK_SIZE != 0) {
            throw new ImageFormatException(source + ": length " + content.length + " is not a multiple of 512; block "
                    + content.length / BLOCK_SIZE + " at offset " + Hex.address(content.length / BLOCK_SIZE * BLOCK_SIZE)
                    + " is truncated");
        }
        FirmwareImage.Builder image = FirmwareImage.builder(source);
        Map<Long, FamilyRun> runs = new LinkedHashMap<>();
        for (int block = 0; block < content.length / BLOCK_SIZE; block++) {
            int at = block * BLOCK_SIZE;
            checkMagic(source, block, at, content, 0, MAGIC_START0, "magicStart0");
            checkMagic(source, block, at, content, 4, MAGIC_START1, "magicStart1");
            checkMagic(source, block, at, content, 508, MAGIC_END, "magicEnd");
            long flags = u32(content, at + 8);
            long address = u32(content, at + 12);
            long payload = u32(content, at + 16);
            long blockNo = u32(content, at + 20);
            long numBlocks = u32(content, at + 24);
            long family = (flags & FLAG_FAMILY_ID) != 0 ? u32(content, at + 28) : NO_FAMILY;
            if ((flags & FLAG_FILE_CONTAINER) != 0) {
                throw error(source, block, at, "is a file-container block (flag 0x1000), not firmware");
            }
            if (family != NO_FAMILY && wantedFamily.isPresent() && family != wantedFamily.getAsLong()) {
                continue;
            }
            if (payload > MAX_PAYLOAD) {
                throw error(source, block, at, "payload size " + payload + " exceeds " + MAX_PAYLOAD);
            }
            checkNumbering(source, block, at, runs.computeIfAbsent(family, f -> new FamilyRun()), blockNo, numBlocks);
            if ((flags & FLAG_NOT_MAIN_FLASH) != 0) {
                continue;
            }
            byte[] data = new byte[(int) payload];
            System.arraycopy(content, at + DATA_OFFSET, data, 0, data.length);
            image.add(address, data);
        }
        checkComplete(source, runs, wantedFamily);
        return image.build();
    }

    private static void checkMagic(String source, int block, int at, byte[] content, int field, long expected,
            String name) {
        long actual = u32(content, at + field);
        if (actual != expected) {
            throw error(source, block, at, String.format("bad %s 0x%08X at offset %s, expected 0x%08X", name, actual,
                    Hex.address(at + field), expected));
        }
    }

    private static void checkNumbering(String source, int block, int at, FamilyRun run, long blockNo, long numBlocks) {
        if (run.numBlocks < 0) {
            run.numBlocks = numBlocks;
        } else if (run.numBlocks != numBlocks) {
            throw error(source, block, at, "numBlocks " + numBlocks + " differs from the " + run.numBlocks
                    + " of earlier blocks");
        }
        if (blockNo != run.next) {
            throw error(source, block, at, "blockNo " + blockNo + ", expected " + run.next);
        }
        if (blockNo >= numBlocks) {
            throw error(source, block, at, "blockNo " + blockNo + " is not below numBlocks " + numBlocks);
        }
        run.next++;
    }

    private static void checkComplete(String source, Map<Long, FamilyRun> runs, OptionalLong wantedFamily) {
        for (Map.Entry<Long, FamilyRun> entry : runs.entrySet()) {
            FamilyRun run = entry.getValue();
            if (run.next != run.numBlocks) {
                throw new ImageFormatException(source + ": only " + run.next + " of " + run.numBlocks + " blocks present ("
                        + familyName(entry.getKey()) + "); the file is truncated");
            }
        }
        long families = runs.keySet().stream().filter(f -> f != NO_FAMILY).count();
        if (wantedFamily.isEmpty() && families > 1) {
            throw new ImageFormatException(source + ": holds several families ("
                    + String.join(", ", runs.keySet().stream().filter(f -> f != NO_FAMILY).map(Uf2Reader::familyName).toList())
                    + "); choose one family ID");
        }
        if (wantedFamily.isPresent() && runs.isEmpty()) {
            throw new ImageFormatException(source + ": no blocks for " + familyName(wantedFamily.getAsLong()));
        }
    }

    private static String familyName(long family) {
        return family == NO_FAMILY ? "no family ID" : String.format("family 0x%08x", family);
    }

    private static ImageFormatException error(String source, int block, int at, String what) {
        return new ImageFormatException(source + ": block " + block + " at offset " + Hex.address(at) + ": " + what);
    }
}
