package io.probehost.flash.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.probehost.api.debug.DebugTarget;
import io.probehost.api.target.FlashAlgorithm;
import io.probehost.api.target.TargetDescription;

/** The on-target sector CRC: the embedded code is what gcc makes of sector_crc.c, and it agrees with CRC32. */
class SectorCrcTest {
    @TempDir
    Path folder;

    @Test
    void embeddedCodeIsWhatGccBuildsFromTheCSource() throws Exception {
        Path object = folder.resolve("sector_crc.o");
        TestPack.run(folder, "arm-none-eabi-gcc", "-mcpu=cortex-m0", "-mthumb", "-Os", "-ffreestanding", "-nostdlib",
                "-c", Path.of("src/main/c/sector_crc.c").toAbsolutePath().toString(), "-o", object.toString());
        TestPack.run(folder, "arm-none-eabi-objcopy", "-O", "binary", "-j", ".text", object.toString(),
                folder.resolve("code.bin").toString());

        assertArrayEquals(Files.readAllBytes(folder.resolve("code.bin")), SectorCrc.CODE);
    }

    @Test
    void crcsComputedOnTheLabMatchJavaWhenSectorsHoldData() {
        TargetDescription nrf51 = TestFiles.nrf51();
        FlashAlgorithm algorithm = nrf51.algorithms().get(0);
        try (VirtualNrf51 lab = new VirtualNrf51()) {
            byte[] flash = new byte[0x400 * 100];
            new Random(7).nextBytes(flash);
            lab.mcu.loadFlash(0, flash);
            DebugTarget target = lab.connect();
            target.core().halt(java.time.Duration.ofSeconds(1));
            AlgorithmRunner runner = new AlgorithmRunner(target, algorithm);
            runner.load();
            List<Sector> sectors = new ArrayList<>();
            long[] expected = new long[100];
            for (int i = 0; i < 100; i++) {
                byte[] content = java.util.Arrays.copyOfRange(flash, i * 0x400, (i + 1) * 0x400);
                sectors.add(new Sector(nrf51.memoryMap().get(0), algorithm, i * 0x400L, content, new boolean[0x400]));
                expected[i] = SectorCrc.of(content);
            }

            assertArrayEquals(expected, SectorCrc.onTarget(runner, target.memory(), sectors));
        }
    }

    @Test
    void crcsComputedOnTheLabMatchJavaForUnalignedStartsAndLengths() {
        FlashAlgorithm algorithm = TestFiles.nrf51().algorithms().get(0);
        assertEquals(algorithm.pageBuffers().get(1), SectorCrc.byteTable(algorithm));
        assertCrcsOfUnalignedRangesMatchJava(algorithm);
    }

    @Test
    void withOneSmallPageBufferTheNibbleTableGivesTheSameCrcs() {
        FlashAlgorithm algorithm = oneBuffer(TestFiles.nrf51().algorithms().get(0), 0x200);
        assertEquals(0, SectorCrc.byteTable(algorithm));
        assertCrcsOfUnalignedRangesMatchJava(algorithm);
    }

    @Test
    void withOneLargePageBufferTheByteTableGoesAfterTheResults() {
        FlashAlgorithm algorithm = oneBuffer(TestFiles.nrf51().algorithms().get(0), 0x800);
        assertEquals(algorithm.pageBuffers().get(0) + 0x400, SectorCrc.byteTable(algorithm));
        assertCrcsOfUnalignedRangesMatchJava(algorithm);
    }

    private static FlashAlgorithm oneBuffer(FlashAlgorithm a, long pageSize) {
        return new FlashAlgorithm(a.name(), a.instructions(), a.loadAddress(), a.pcInit(), a.pcUnInit(),
                a.pcEraseAll(), a.pcEraseSector(), a.pcProgramPage(), a.staticBase(), a.beginStack(),
                List.of(a.pageBuffers().get(0)), a.minProgramLength(), pageSize, a.erasedValue());
    }

    private static void assertCrcsOfUnalignedRangesMatchJava(FlashAlgorithm algorithm) {
        try (VirtualNrf51 lab = new VirtualNrf51()) {
            byte[] flash = new byte[0x4000];
            new Random(11).nextBytes(flash);
            lab.mcu.loadFlash(0, flash);
            DebugTarget target = lab.connect();
            target.core().halt(java.time.Duration.ofSeconds(1));
            AlgorithmRunner runner = new AlgorithmRunner(target, algorithm);
            runner.load();
            List<SectorCrc.Range> ranges = new ArrayList<>();
            List<Long> expected = new ArrayList<>();
            for (int start = 0; start < 8; start++) {
                for (int length = 0; length < 10; length++) {
                    ranges.add(new SectorCrc.Range(0x100 + start, length));
                    expected.add(SectorCrc.of(flash, 0x100 + start, length));
                }
                ranges.add(new SectorCrc.Range(0x200 + start, 0x3001 + start));
                expected.add(SectorCrc.of(flash, 0x200 + start, 0x3001 + start));
            }

            long[] crcs = SectorCrc.ofRanges(runner, target.memory(), ranges);

            assertArrayEquals(expected.stream().mapToLong(Long::longValue).toArray(), crcs);
        }
    }
}
