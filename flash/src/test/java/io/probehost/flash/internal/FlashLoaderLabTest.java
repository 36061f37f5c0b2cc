package io.probehost.flash.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.probehost.api.debug.DebugTarget;
import io.probehost.api.target.TargetDescription;
import io.probehost.flash.FlashException;
import io.probehost.flash.FlashInterruptedException;
import io.probehost.flash.FlashLoader;
import io.probehost.flash.FlashOptions;
import io.probehost.flash.FlashPhase;
import io.probehost.flash.FlashResult;
import io.probehost.flash.format.FirmwareImage;
import io.probehost.flash.format.FirmwareImageReader;
import io.probehost.flash.format.ImageFormatException;
import io.probehost.flash.format.ReadOptions;
import io.probehost.sim.mcu.nrf51.Nrf51822;

/** The loader with pyOCD's real nRF51 algorithm (from pack.nordic) on the lab's nRF51822, through DAPLink. */
class FlashLoaderLabTest {
    private static final int RESULT_BLOCK = 0x2000_3F00;
    private static final int DONE = 0x454E4F44;

    private final TargetDescription nrf51 = TestFiles.nrf51();
    private final VirtualNrf51 lab = new VirtualNrf51();

    @AfterEach
    void closeLab() {
        lab.close();
    }

    private static FirmwareImage image(String file) {
        if (file.endsWith(".uf2")) {
            byte[] uf2 = TestFiles.uf2(TestFiles.firmware("torture.bin"), 0);
            return FirmwareImageReader.read("torture.uf2", uf2, ReadOptions.defaults());
        }
        return FirmwareImageReader.read(file, TestFiles.firmware(file), ReadOptions.defaults().withBaseAddress(0));
    }

    private FlashResult flash(FirmwareImage image, FlashOptions options) {
        DebugTarget target = lab.connect();
        return new FlashLoader(target, nrf51).program(image, options, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"torture.elf", "torture.hex", "torture.bin", "torture.uf2"})
    void imageReadsBackIdenticalAndRunsWhenProgrammedThroughTheNordicAlgorithm(String file) throws Exception {
        byte[] bin = TestFiles.firmware("torture.bin");
        FlashResult result = flash(image(file), FlashOptions.defaults());

        assertArrayEquals(bin, lab.mcu.readFlash(0, bin.length));
        assertEquals((bin.length + 1023) / 1024, result.sectorsWritten());
        assertEquals(bin.length + 1023 & ~1023, result.bytesVerified());
        assertArrayEquals(referenceResultBlock(bin), awaitResultBlock(lab.mcu));
    }

    @Test
    void everySectorIsSkippedWhenTheSameImageIsFlashedAgain() {
        FirmwareImage image = image("torture.elf");
        FlashResult first = flash(image, FlashOptions.defaults().withResetAfter(false));
        FlashResult second = flash(image, FlashOptions.defaults().withResetAfter(false));

        assertTrue(first.sectorsWritten() > 0);
        assertEquals(0, second.sectorsWritten());
        assertEquals(first.sectorsWritten(), second.sectorsSkipped());
        assertEquals(0, second.sectorsErased());
    }

    @Test
    void sectorEraseKeepsTheUnwrittenBytesOfAPartlyWrittenSector() {
        byte[] old = new byte[1024];
        Arrays.fill(old, (byte) 0x5A);
        lab.mcu.loadFlash(0x800, old);
        FirmwareImage image = FirmwareImage.builder("patch").add(0x900, new byte[] {1, 2, 3, 4}).build();

        flash(image, FlashOptions.defaults().withResetAfter(false));

        byte[] expected = old.clone();
        System.arraycopy(new byte[] {1, 2, 3, 4}, 0, expected, 0x100, 4);
        assertArrayEquals(expected, lab.mcu.readFlash(0x800, 1024));
    }

    @Test
    void unwrittenBytesAreErasedWhenKeepUnwrittenIsOff() {
        byte[] old = new byte[1024];
        Arrays.fill(old, (byte) 0x5A);
        lab.mcu.loadFlash(0x800, old);
        FirmwareImage image = FirmwareImage.builder("patch").add(0x900, new byte[] {1, 2, 3, 4}).build();

        flash(image, FlashOptions.defaults().withResetAfter(false).withKeepUnwritten(false));

        assertEquals((byte) 0xFF, lab.mcu.readFlash(0x800, 1)[0]);
        assertArrayEquals(new byte[] {1, 2, 3, 4}, lab.mcu.readFlash(0x900, 4));
    }

    @Test
    void uicrWordsAreWrittenWithTheCodeWhenTheImageHoldsBoth() {
        FirmwareImage image = FirmwareImage.builder("with-uicr.hex").add(0x400, new byte[] {1, 2, 3, 4})
                .add(Nrf51822.UICR_BASE + 0x14, new byte[] {0x00, 0x00, 0x03, 0x00}).build();

        FlashResult result = flash(image, FlashOptions.defaults().withResetAfter(false));

        assertEquals(2, result.sectorsWritten());
        assertArrayEquals(new byte[] {1, 2, 3, 4}, lab.mcu.readFlash(0x400, 4));
        assertArrayEquals(new byte[] {0x00, 0x00, 0x03, 0x00}, lab.mcu.readFlash(Nrf51822.UICR_BASE + 0x14, 4));
    }

    @Test
    void imageTooBigIsRefusedBeforeAnythingIsErased() {
        byte[] old = {1, 2, 3, 4};
        lab.mcu.loadFlash(0, old);
        FirmwareImage tooBig = FirmwareImage.builder("big.bin").add(0, new byte[Nrf51822.FLASH_SIZE + 0x1000]).build();

        FlashException e = assertThrows(FlashException.class, () -> flash(tooBig, FlashOptions.defaults()));

        assertEquals("big.bin does not fit nrf51822_xxaa: bytes 0x00040000-0x00040FFF lie outside its flash "
                + "(flash_0 0x00000000-0x0003FFFF, flash_10001000 0x10001000-0x100010FF); nothing was erased",
                e.getMessage());
        assertArrayEquals(old, lab.mcu.readFlash(0, 4));
    }

    @Test
    void corruptHexIsRefusedWithTheLineBeforeTheTargetIsTouched() {
        byte[] hex = TestFiles.firmware("torture.hex").clone();
        hex[9] = (byte) (hex[9] == '0' ? '1' : '0');

        ImageFormatException e = assertThrows(ImageFormatException.class,
                () -> FirmwareImageReader.read("torture.hex", hex, ReadOptions.defaults()));

        assertTrue(e.getMessage().startsWith("torture.hex line 1: checksum"), e.getMessage());
    }

    @Test
    void probeUnpluggedMidFlashNamesTheSectorsDoneAndTheNextFlashSucceeds() {
        byte[] bin = TestFiles.firmware("torture.bin");
        FirmwareImage image = image("torture.bin");
        DebugTarget target = lab.connect();
        List<Long> programmed = new ArrayList<>();
        FlashLoader loader = new FlashLoader(target, nrf51);
        FlashInterruptedException lost = assertThrows(FlashInterruptedException.class,
                () -> loader.program(image, FlashOptions.defaults().withErase(io.probehost.flash.EraseMode.SECTOR),
                        (phase, done, total) -> {
                            if (phase == FlashPhase.PROGRAM && done >= 2048 && programmed.isEmpty()) {
                                programmed.add(done);
                                lab.unplugAfterRequests(3);
                            }
                        }));

        assertTrue(lost.getMessage().startsWith("probe lost during program"), lost.getMessage());
        assertTrue(lost.sectorsDone().size() >= 2, lost.getMessage());
        assertTrue(lost.getMessage().contains("0x00000000-0x"), lost.getMessage());
        lab.plugBackIn();
        FlashResult again = flash(image, FlashOptions.defaults());
        assertArrayEquals(bin, lab.mcu.readFlash(0, bin.length));
        assertTrue(again.sectorsSkipped() >= lost.sectorsDone().size() - 1, again.summary());
    }

    /** The result block the same program writes when the lab loads it into flash directly. */
    private static byte[] referenceResultBlock(byte[] bin) throws InterruptedException {
        Nrf51822 reference = Nrf51822.create(null);
        try {
            reference.loadFlash(0, bin);
            reference.reset();
            return awaitResultBlock(reference);
        } finally {
            reference.close();
        }
    }

    private static byte[] awaitResultBlock(Nrf51822 mcu) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            byte[] block = mcu.readRam(RESULT_BLOCK, 256);
            if (ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN).getInt(0) == DONE) {
                return block;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the firmware wrote no DONE status within 30 s");
    }
}
