package io.probehost.flash.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class ElfImageReaderTest {

    private static FirmwareImage read(byte[] elf) {
        return FirmwareImageReader.read("app.elf", elf, ReadOptions.defaults());
    }

    private static String error(byte[] elf) {
        return assertThrows(ImageFormatException.class, () -> read(elf)).getMessage();
    }

    private static byte[] simpleElf() {
        return new TestElf().load(0x0800_0000L, TestElf.bytes(16, 0)).bytes();
    }

    @Test
    void storesDataAtPhysicalAddressWhenItDiffersFromVirtual() {
        byte[] elf = new TestElf().load(0x0800_0000L, TestElf.bytes(8, 0))
                .load(0x2000_0000L, 0x0800_0100L, new byte[] {1, 2, 3, 4}, 4).bytes();

        FirmwareImage image = read(elf);

        assertEquals(List.of(0x0800_0000L, 0x0800_0100L), image.segments().stream().map(ImageSegment::address).toList());
        assertEquals(0x0800_0001L, image.entryPoint().getAsLong());
    }

    @Test
    void leavesBssOutWhenMemorySizeExceedsFileSize() {
        byte[] elf = new TestElf().load(0x0800_0000L, 0x0800_0000L, TestElf.bytes(8, 0), 0x100)
                .load(0x2000_0000L, 0x2000_0000L, new byte[0], 0x400).bytes();

        FirmwareImage image = read(elf);

        assertEquals(List.of(new ImageSegment(0x0800_0000L, TestElf.bytes(8, 0))), image.segments());
    }

    @Test
    void ignoresSegmentsWhenTheyAreNotLoadable() {
        byte[] elf = new TestElf().segment(4, 0x100, new byte[4]).load(0x200, new byte[] {7}).bytes();

        assertEquals(List.of(new ImageSegment(0x200, new byte[] {7})), read(elf).segments());
    }

    @Test
    void usesVirtualAddressesWhenLinkerLeftEveryLoadAddressZero() {
        byte[] elf = new TestElf().load(0x100, 0, new byte[] {1}, 1).load(0x200, 0, new byte[] {2}, 1).bytes();

        assertEquals(List.of(0x100L, 0x200L), read(elf).segments().stream().map(ImageSegment::address).toList());
    }

    @Test
    void acceptsRiscVWhenMachineIs243() {
        assertEquals(4, read(new TestElf().machine(243).load(0x2000_0000L, new byte[4]).bytes()).size());
    }

    @Test
    void rejectsFileWhenMagicIsMissing() {
        byte[] notElf = simpleElf();
        notElf[1] = 'X';

        assertEquals("app.elf: not an ELF file (no 7F 45 4C 46 magic at offset 0)", error(notElf));
    }

    @Test
    void rejects64BitFileWhenClassIs2() {
        byte[] elf = simpleElf();
        elf[4] = 2;

        assertEquals("app.elf: 64-bit ELF is not supported (only ELF32 for 32-bit Arm and RISC-V targets)", error(elf));
    }

    @Test
    void rejectsBigEndianFileWhenDataIs2() {
        byte[] elf = simpleElf();
        elf[5] = 2;

        assertEquals("app.elf: big-endian ELF is not supported", error(elf));
    }

    @Test
    void rejectsFileWhenHeaderIsTruncated() {
        assertEquals("app.elf: truncated ELF header: 40 bytes, need 52", error(Arrays.copyOf(simpleElf(), 40)));
    }

    @Test
    void rejectsFileWhenProgramHeadersAreTruncated() {
        assertEquals("app.elf: program header table at offset 0x00000034 (32 bytes) runs past the end of the file (60 bytes)",
                error(Arrays.copyOf(simpleElf(), 60)));
    }

    @Test
    void rejectsFileWhenSegmentDataIsTruncated() {
        byte[] elf = simpleElf();

        assertEquals("app.elf: segment 0 at offset 0x00000054 (16 bytes) runs past the end of the file (94 bytes)",
                error(Arrays.copyOf(elf, elf.length - 6)));
    }

    @Test
    void rejectsFileWhenMachineIsNeitherArmNorRiscV() {
        assertEquals("app.elf: machine 3 is neither Arm (40) nor RISC-V (243)",
                error(new TestElf().machine(3).load(0, new byte[4]).bytes()));
    }
}
