package io.probehost.flash.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class Uf2ReaderTest {

    private static final long RP2040 = 0xE48BFF56L;
    private static final long NRF52840 = 0xADA52840L;

    /** One 512-byte block with a 256-byte payload starting at byte value {@code first}. */
    static byte[] block(int flags, long address, int blockNo, int numBlocks, long family, int first) {
        ByteBuffer b = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x0A324655).putInt(0x9E5D5157).putInt(flags).putInt((int) address).putInt(256)
                .putInt(blockNo).putInt(numBlocks).putInt((int) family);
        b.put(TestElf.bytes(256, first));
        b.putInt(508, 0x0AB16F30);
        return b.array();
    }

    static byte[] file(byte[]... blocks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] b : blocks) {
            out.writeBytes(b);
        }
        return out.toByteArray();
    }

    private static FirmwareImage read(byte[] content, ReadOptions options) {
        return FirmwareImageReader.read("fw.uf2", content, options);
    }

    private static String error(byte[] content) {
        return assertThrows(ImageFormatException.class, () -> read(content, ReadOptions.defaults())).getMessage();
    }

    @Test
    void mergesBlocksWhenPayloadsAreContiguous() {
        FirmwareImage image = read(file(block(0x2000, 0x1000_0000L, 0, 2, RP2040, 0),
                block(0x2000, 0x1000_0100L, 1, 2, RP2040, 0)), ReadOptions.defaults());

        assertEquals(1, image.segments().size());
        assertEquals(512, image.size());
        assertEquals(0x1000_0000L, image.start());
    }

    @Test
    void skipsBlockWhenFlaggedNotMainFlash() {
        FirmwareImage image = read(file(block(0, 0x2000, 0, 2, 0, 0), block(1, 0x9000, 1, 2, 0, 0)), ReadOptions.defaults());

        assertEquals(List.of(0x2000L), image.segments().stream().map(ImageSegment::address).toList());
    }

    @Test
    void keepsOnlyTheChosenFamilyWhenFileHoldsSeveral() {
        byte[] content = file(block(0x2000, 0x1000_0000L, 0, 1, RP2040, 1), block(0x2000, 0x0, 0, 1, NRF52840, 2));

        FirmwareImage image = read(content, ReadOptions.defaults().withUf2FamilyId(NRF52840));

        assertEquals(0, image.start());
        assertEquals(2, image.segments().get(0).data()[0]);
    }

    @Test
    void rejectsFileWhenSeveralFamiliesAndNoneChosen() {
        byte[] content = file(block(0x2000, 0x1000_0000L, 0, 1, RP2040, 1), block(0x2000, 0x0, 0, 1, NRF52840, 2));

        assertEquals("fw.uf2: holds several families (family 0xe48bff56, family 0xada52840); choose one family ID",
                error(content));
    }

    @Test
    void rejectsBlockWhenStartMagicIsWrong() {
        byte[] second = block(0, 0x2100, 1, 2, 0, 0);
        second[4] = 0x58;

        assertEquals("fw.uf2: block 1 at offset 0x00000200: bad magicStart1 0x9E5D5158 at offset 0x00000204,"
                + " expected 0x9E5D5157", error(file(block(0, 0x2000, 0, 2, 0, 0), second)));
    }

    @Test
    void rejectsFirstBlockWhenItsMagicIsWrongAndExtensionSaysUf2() {
        byte[] only = block(0, 0x2000, 0, 1, 0, 0);
        only[0] = 0;

        assertEquals("fw.uf2: block 0 at offset 0x00000000: bad magicStart0 0x0A324600 at offset 0x00000000,"
                + " expected 0x0A324655", error(only));
    }

    @Test
    void rejectsBlockWhenEndMagicIsWrong() {
        byte[] only = block(0, 0x2000, 0, 1, 0, 0);
        only[511] = 0;

        assertEquals("fw.uf2: block 0 at offset 0x00000000: bad magicEnd 0x00B16F30 at offset 0x000001FC,"
                + " expected 0x0AB16F30", error(only));
    }

    @Test
    void rejectsFileWhenLastBlockIsTruncated() {
        byte[] content = file(block(0, 0x2000, 0, 2, 0, 0), block(0, 0x2100, 1, 2, 0, 0));

        assertEquals("fw.uf2: length 1000 is not a multiple of 512; block 1 at offset 0x00000200 is truncated",
                error(Arrays.copyOf(content, 1000)));
    }

    @Test
    void rejectsFileWhenBlocksAreMissing() {
        assertEquals("fw.uf2: only 1 of 3 blocks present (no family ID); the file is truncated",
                error(block(0, 0x2000, 0, 3, 0, 0)));
    }

    @Test
    void rejectsBlockWhenNumberedOutOfOrder() {
        assertEquals("fw.uf2: block 1 at offset 0x00000200: blockNo 2, expected 1",
                error(file(block(0, 0x2000, 0, 3, 0, 0), block(0, 0x2100, 2, 3, 0, 0))));
    }

    @Test
    void rejectsBlockWhenPayloadExceeds476Bytes() {
        byte[] only = block(0, 0x2000, 0, 1, 0, 0);
        ByteBuffer.wrap(only).order(ByteOrder.LITTLE_ENDIAN).putInt(16, 480);

        assertEquals("fw.uf2: block 0 at offset 0x00000000: payload size 480 exceeds 476", error(only));
    }

    @Test
    void rejectsBlockWhenItIsAFileContainer() {
        assertEquals("fw.uf2: block 0 at offset 0x00000000: is a file-container block (flag 0x1000), not firmware",
                error(block(0x1000, 0, 0, 1, 0, 0)));
    }
}
