package io.probehost.flash.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.probehost.api.target.MemoryRegion;
import io.probehost.api.target.TargetDescription;
import io.probehost.flash.FlashAlgorithmFailedException;
import io.probehost.flash.FlashLoader;
import io.probehost.flash.FlashOptions;
import io.probehost.flash.format.FirmwareImage;

/**
 * A failing algorithm call is reported with its function, address and return code: the gcc-built
 * test algorithm returns 2 from EraseSector above 256 KiB, here reached through a map that claims
 * 512 KiB of flash.
 */
class AlgorithmFailureTest {
    @TempDir
    Path folder;

    @Test
    void eraseSectorFailureNamesTheFunctionTheSectorAndTheReturnCode() {
        TargetDescription real = TestPack.readBundle(CmsisPackImporter.convert("test.pack", TestPack.build(folder))
                .jar()).targets().get(0);
        List<MemoryRegion> map = new ArrayList<>();
        for (MemoryRegion r : real.memoryMap()) {
            map.add(r.isFlash() ? new MemoryRegion(r.kind(), r.name(), r.start(), 0x80000, r.sectorSize(),
                    r.pageSize(), r.bootMemory(), r.algorithm()) : r);
        }
        TargetDescription claimsMore = new TargetDescription(real.name(), real.vendor(), real.family(), real.cores(),
                map, real.algorithms(), real.resetType());
        FirmwareImage image = FirmwareImage.builder("high.bin").add(0x40400, new byte[] {1, 2, 3, 4}).build();
        // no read-back: the lab has no memory above 256 KiB
        FlashOptions options = FlashOptions.defaults().withKeepUnwritten(false).withSkipUnchanged(false);
        try (VirtualNrf51 lab = new VirtualNrf51()) {
            FlashAlgorithmFailedException e = assertThrows(FlashAlgorithmFailedException.class,
                    () -> new FlashLoader(lab.connect(), claimsMore).program(image, options, null));

            assertEquals("flash algorithm nrf51_test: EraseSector(0x00040400) failed with return code 2",
                    e.getMessage());
            assertEquals("EraseSector", e.function());
            assertEquals(0x40400, e.address());
            assertEquals(2, e.returnCode());
            assertArrayEquals(new byte[] {-1, -1, -1, -1}, lab.mcu.readFlash(0, 4));
        }
    }
}
