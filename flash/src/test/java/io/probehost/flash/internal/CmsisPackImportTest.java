package io.probehost.flash.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.probehost.api.ProbeException;
import io.probehost.api.target.MemoryRegion;
import io.probehost.api.target.TargetDescription;
import io.probehost.flash.FlashLoader;
import io.probehost.flash.FlashOptions;
import io.probehost.flash.FlashResult;
import io.probehost.flash.format.FirmwareImage;
import io.probehost.flash.format.FirmwareImageReader;
import io.probehost.flash.format.ReadOptions;
import io.probehost.flash.format.TargetPackDescriptor;

/** pack:install's conversion: a gcc-built CMSIS-Pack becomes a pack bundle whose algorithm flashes the lab's nRF51. */
class CmsisPackImportTest {
    @TempDir
    Path folder;

    @Test
    void packBundleDescribesTheDeviceWithItsAlgorithmWhenConverted() {
        GeneratedPack pack = CmsisPackImporter.convert("test.pack", TestPack.build(folder));

        assertEquals("io.probehost.pack.cmsis.probehost.nrf51_test_dfp", pack.symbolicName());
        assertEquals("Probehost.NRF51_Test_DFP", pack.packName());
        assertEquals("1.2.0", pack.version());
        TargetPackDescriptor read = TestPack.readBundle(pack.jar());
        assertEquals("Probehost.NRF51_Test_DFP", read.name());
        TargetDescription target = read.targets().get(0);
        assertEquals("nrf51822_xxaa_ph", target.name());
        assertEquals("Cortex-M0", target.cores().get(0).type());
        MemoryRegion flash = target.memoryMap().stream().filter(MemoryRegion::isFlash).findFirst().orElseThrow();
        assertEquals(0x40000, flash.length());
        assertEquals(0x400, flash.sectorSize());
        assertEquals(2, target.algorithms().get(0).pageBuffers().size());
        assertEquals(java.time.Duration.ofMillis(100), target.algorithms().get(0).programTimeout());
        assertEquals(java.time.Duration.ofMillis(3000), target.algorithms().get(0).eraseTimeout());
    }

    @Test
    void firmwareFlashedThroughTheConvertedAlgorithmReadsBackIdenticalAndIsSkippedTheSecondTime() {
        TargetDescription target = TestPack.readBundle(CmsisPackImporter.convert("test.pack", TestPack.build(folder))
                .jar()).targets().get(0);
        byte[] bin = TestFiles.firmware("torture.bin");
        try (VirtualNrf51 lab = new VirtualNrf51()) {
            FlashResult result = new FlashLoader(lab.connect(), target).program(
                    FirmwareImageReader.read("torture.elf", TestFiles.firmware("torture.elf"), ReadOptions.defaults()),
                    FlashOptions.defaults().withResetAfter(false), null);

            assertArrayEquals(bin, lab.mcu.readFlash(0, bin.length));
            assertEquals((bin.length + 1023) / 1024, result.sectorsWritten());
            FirmwareImage asBin = FirmwareImageReader.read("torture.bin", bin,
                    ReadOptions.defaults().withBaseAddress(0));
            FlashResult again = new FlashLoader(lab.connect(), target).program(asBin,
                    FlashOptions.defaults().withResetAfter(false), null);
            assertEquals(0, again.sectorsWritten());
            assertEquals(result.sectorsWritten(), again.sectorsSkipped());
        }
    }

    @Test
    void zipWithoutPdscIsRefusedNamingTheFile() {
        ProbeException e = assertThrows(ProbeException.class,
                () -> CmsisPackImporter.convert("empty.pack", TestFiles.uf2(new byte[16], 0)));

        assertTrue(e.getMessage().startsWith("empty.pack "), e.getMessage());
    }

    @Test
    void bundleVersionKeepsTheNumbersOfThePackRelease() {
        assertEquals("1.2.0", CmsisPackImporter.bundleVersion("1.2.0"));
        assertEquals("8.44.0", CmsisPackImporter.bundleVersion("8.44.0-rc1"));
        assertEquals("2.0.0", CmsisPackImporter.bundleVersion("2"));
    }
}
