package io.probehost.flash.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.probehost.api.target.MemoryRegion;
import io.probehost.api.target.MemoryRegion.Kind;

class FirmwareImageTest {

    private static final MemoryRegion FLASH = new MemoryRegion(Kind.FLASH, "flash", 0x0800_0000L, 0x1000, 0x400, 0x400, true, "algo");
    private static final MemoryRegion RAM = new MemoryRegion(Kind.RAM, "ram", 0x2000_0000L, 0x1000, 0, 0, false, "");

    @Test
    void mergesSegmentsWhenTheyTouch() {
        FirmwareImage image = FirmwareImage.builder("t").add(0x104, new byte[] {5, 6}).add(0x100, new byte[] {1, 2, 3, 4})
                .add(0x200, new byte[] {9}).build();

        assertEquals(List.of(new ImageSegment(0x100, new byte[] {1, 2, 3, 4, 5, 6}), new ImageSegment(0x200, new byte[] {9})),
                image.segments());
        assertEquals(7, image.size());
        assertEquals(0x100, image.start());
        assertEquals(0x201, image.end());
    }

    @Test
    void rejectsImageWhenSegmentsOverlap() {
        FirmwareImage.Builder builder = FirmwareImage.builder("app.hex").add(0x100, new byte[8]).add(0x104, new byte[8]);

        ImageFormatException e = assertThrows(ImageFormatException.class, builder::build);
        assertEquals("app.hex: data at 0x00000104..0x0000010B overlaps data at 0x00000100..0x00000107", e.getMessage());
    }

    @Test
    void readFillsHolesWhenRangeSpansAGap() {
        FirmwareImage image = FirmwareImage.builder("t").add(0x10, new byte[] {1, 2}).add(0x14, new byte[] {3}).build();

        assertArrayEquals(new byte[] {(byte) 0xFF, 1, 2, (byte) 0xFF, (byte) 0xFF, 3, (byte) 0xFF}, image.read(0x0F, 7, 0xFF));
    }

    @Test
    void layOverSplitsImageWhenItSpansFlashAndRam() {
        FirmwareImage image = FirmwareImage.builder("t").add(0x0800_0FFEL, new byte[] {1, 2})
                .add(0x2000_0000L, new byte[] {3, 4}).build();

        List<RegionImage> parts = image.layOver(List.of(FLASH, RAM));

        assertEquals(2, parts.size());
        assertEquals(FLASH, parts.get(0).region());
        assertEquals(List.of(new ImageSegment(0x0800_0FFEL, new byte[] {1, 2})), parts.get(0).image().segments());
        assertEquals(RAM, parts.get(1).region());
        assertEquals(0x2000_0000L, parts.get(1).image().start());
    }

    @Test
    void layOverCutsSegmentWhenItCrossesIntoTheNextRegion() {
        MemoryRegion next = new MemoryRegion(Kind.FLASH, "flash2", 0x0800_1000L, 0x1000, 0x800, 0x800, false, "algo");
        FirmwareImage image = FirmwareImage.builder("t").add(0x0800_0FFCL, TestElf.bytes(8, 1)).build();

        List<RegionImage> parts = image.layOver(List.of(FLASH, next));

        assertEquals(4, parts.get(0).image().size());
        assertEquals(new ImageSegment(0x0800_1000L, new byte[] {5, 6, 7, 8}), parts.get(1).image().segments().get(0));
    }

    @Test
    void layOverRejectsImageWhenBytesLieOutsideTheMap() {
        FirmwareImage image = FirmwareImage.builder("app.elf").add(0x0800_0FF0L, new byte[0x20]).build();

        ImageFormatException e = assertThrows(ImageFormatException.class, () -> image.layOver(List.of(FLASH, RAM)));
        assertEquals("app.elf: 0x08001000..0x0800100F lies outside the target memory map", e.getMessage());
    }

    @Test
    void clipKeepsOnlyBytesWhenInsideTheRange() {
        FirmwareImage image = FirmwareImage.builder("t").add(0x100, TestElf.bytes(16, 0)).build();

        FirmwareImage clipped = image.clip(0x104, 0x108);

        assertEquals(List.of(new ImageSegment(0x104, new byte[] {4, 5, 6, 7})), clipped.segments());
        assertTrue(image.intersects(0x10F, 0x200));
    }
}
