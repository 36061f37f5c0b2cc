package io.probehost.flash.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatDetectionTest {

    @Test
    void detectsElfByMagicWhenExtensionSaysBin() {
        assertEquals(ImageFormat.ELF, FirmwareImageReader.detect("firmware.bin", new TestElf().bytes()));
    }

    @Test
    void detectsUf2ByMagicWhenNameHasNoExtension() {
        assertEquals(ImageFormat.UF2, FirmwareImageReader.detect("firmware", Uf2ReaderTest.block(0, 0, 0, 1, 0, 0)));
    }

    @Test
    void detectsIntelHexByRecordsWhenExtensionIsUnknown() {
        byte[] text = "\n:00000001FF\n".getBytes(StandardCharsets.US_ASCII);

        assertEquals(ImageFormat.INTEL_HEX, FirmwareImageReader.detect("firmware.txt", text));
    }

    @Test
    void fallsBackToExtensionWhenContentHasNoSignature() {
        assertEquals(ImageFormat.INTEL_HEX, FirmwareImageReader.detect("broken.HEX", new byte[] {1, 2, 3}));
        assertEquals(ImageFormat.BIN, FirmwareImageReader.detect("blob.dat", new byte[] {1, 2, 3}));
    }

    @Test
    void readsRawBinaryWhenBaseAddressIsGiven(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("app.bin");
        Files.write(file, new byte[] {1, 2, 3});

        FirmwareImage image = FirmwareImageReader.read(file, ReadOptions.defaults().withBaseAddress(0x0800_0000L));

        assertEquals(new ImageSegment(0x0800_0000L, new byte[] {1, 2, 3}), image.segments().get(0));
        assertEquals("app.bin", image.source());
    }

    @Test
    void rejectsRawBinaryWhenBaseAddressIsMissing() {
        ImageFormatException e = assertThrows(ImageFormatException.class,
                () -> FirmwareImageReader.read("app.bin", new byte[] {1}, ReadOptions.defaults()));

        assertEquals("app.bin: a raw binary has no addresses; give a base address", e.getMessage());
    }

    @Test
    void saysNoSuchFileWhenTheFileIsMissing(@TempDir Path dir) {
        Path missing = dir.resolve("missing.hex");

        ImageFormatException e = assertThrows(ImageFormatException.class, () -> FirmwareImageReader.read(missing));

        assertEquals("no such file: " + missing, e.getMessage());
    }

    @Test
    void recognisesNothingWhenNeitherContentNorExtensionTells() {
        byte[] text = "root:x:0:0:root:/root:/bin/bash\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(java.util.Optional.empty(), FirmwareImageReader.recognise("passwd", text));
        assertEquals(java.util.Optional.empty(), FirmwareImageReader.recognise("notes.txt", text));
        assertEquals(java.util.Optional.of(ImageFormat.BIN), FirmwareImageReader.recognise("passwd.bin", text));
        assertEquals(java.util.Optional.of(ImageFormat.ELF), FirmwareImageReader.recognise("a.out.txt", new TestElf().bytes()));
    }

    @Test
    void formatsAreNamedByTheirExtensionOrName() {
        assertEquals(java.util.Optional.of(ImageFormat.INTEL_HEX), ImageFormat.fromName("hex"));
        assertEquals(java.util.Optional.of(ImageFormat.BIN), ImageFormat.fromName("BIN"));
        assertEquals(java.util.Optional.of(ImageFormat.UF2), ImageFormat.fromName("uf2"));
        assertEquals(java.util.Optional.empty(), ImageFormat.fromName("srec"));
    }
}
