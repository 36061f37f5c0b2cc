package io.probehost.flash.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.probehost.api.target.FlashAlgorithm;
import io.probehost.api.target.TargetDescription;
import io.probehost.flash.FlashException;
import io.probehost.flash.FlashLoader;
import io.probehost.flash.FlashOptions;
import io.probehost.flash.FlashPhase;
import io.probehost.flash.FlashProgressListener;
import io.probehost.flash.format.FirmwareImage;

/**
 * Verification after programming and by flash:verify: by CRCs computed on the target (a few words
 * of traffic), or by reading back when the algorithm leaves no RAM for the CRC code.
 */
class FlashVerifyTest {
    private static final int SIZE = 8 * 1024;
    private static final int CORRUPT_AT = 0x1234;

    private final VirtualNrf51 lab = new VirtualNrf51();
    private final byte[] data = random();
    private final FirmwareImage image = FirmwareImage.builder("random.bin").add(0, data).build();

    @AfterEach
    void closeLab() {
        lab.close();
    }

    @Test
    void verifyAfterProgrammingReadsNoSectorBackWhenTheCrcsMatch() {
        long[] bytesInDuringVerify = new long[1];
        FlashProgressListener measure = verifyTraffic(bytesInDuringVerify);
        new FlashLoader(lab.connect(), TestFiles.nrf51()).program(image, options(), measure);

        assertTrue(bytesInDuringVerify[0] < SIZE / 2, "bytes in while verifying: " + bytesInDuringVerify[0]);
    }

    @Test
    void aSectorCorruptedAfterProgrammingIsFoundByTheCrcVerify() {
        FlashException failed = assertThrows(FlashException.class, () -> new FlashLoader(lab.connect(),
                TestFiles.nrf51()).program(image, options(), corruptWhenProgrammed()));

        assertEquals(String.format("verify failed at 0x%08X: expected 0x%02X, read 0x%02X", CORRUPT_AT,
                data[CORRUPT_AT] & 0xFF, ~data[CORRUPT_AT] & 0xFF), failed.getMessage());
    }

    @Test
    void flashVerifyFindsACorruptedSectorByCrc() {
        FlashLoader loader = new FlashLoader(lab.connect(), TestFiles.nrf51());
        loader.program(image, options(), null);
        assertEquals(SIZE, loader.verify(image, null).bytesVerified());

        corrupt();
        FlashException failed = assertThrows(FlashException.class, () -> loader.verify(image, null));
        assertTrue(failed.getMessage().startsWith(String.format("verify failed at 0x%08X", CORRUPT_AT)),
                failed.getMessage());
    }

    @Test
    void withoutRoomForTheCrcCodeVerifyFallsBackToReadingBack() {
        TargetDescription noRoom = withPageSize(TestFiles.nrf51(), 128);
        assertFalse(SectorCrc.fits(noRoom.algorithms().get(0)));
        long[] bytesInDuringVerify = new long[1];
        new FlashLoader(lab.connect(), noRoom).program(image, options(), verifyTraffic(bytesInDuringVerify));
        assertTrue(bytesInDuringVerify[0] >= SIZE, "read back: " + bytesInDuringVerify[0]);

        FlashException failed = assertThrows(FlashException.class, () -> new FlashLoader(lab.connect(), noRoom)
                .program(image, options().withSkipUnchanged(false), corruptWhenProgrammed()));
        assertTrue(failed.getMessage().startsWith(String.format("verify failed at 0x%08X", CORRUPT_AT)),
                failed.getMessage());
        FlashException byVerify = assertThrows(FlashException.class,
                () -> new FlashLoader(lab.connect(), noRoom).verify(image, null));
        assertTrue(byVerify.getMessage().startsWith(String.format("verify failed at 0x%08X", CORRUPT_AT)));
    }

    private static FlashOptions options() {
        return FlashOptions.defaults().withResetAfter(false);
    }

    /** Records the link's incoming bytes from the end of programming to the end of verifying. */
    private FlashProgressListener verifyTraffic(long[] bytesIn) {
        long[] atProgramEnd = new long[1];
        return (phase, done, total) -> {
            long now = lab.device.link().snapshot().bytesIn();
            if (phase == FlashPhase.PROGRAM && done == total) {
                atProgramEnd[0] = now;
            } else if (phase == FlashPhase.VERIFY && done == total) {
                bytesIn[0] = now - atProgramEnd[0];
            }
        };
    }

    /** Flips a byte of the second sector behind the loader's back once the last page is programmed. */
    private FlashProgressListener corruptWhenProgrammed() {
        return (phase, done, total) -> {
            if (phase == FlashPhase.PROGRAM && done == total) {
                corrupt();
            }
        };
    }

    private void corrupt() {
        lab.mcu.loadFlash(CORRUPT_AT, new byte[] {(byte) ~data[CORRUPT_AT]});
    }

    private static TargetDescription withPageSize(TargetDescription target, long pageSize) {
        FlashAlgorithm a = target.algorithms().get(0);
        FlashAlgorithm small = new FlashAlgorithm(a.name(), a.instructions(), a.loadAddress(), a.pcInit(),
                a.pcUnInit(), a.pcEraseAll(), a.pcEraseSector(), a.pcProgramPage(), a.staticBase(), a.beginStack(),
                a.pageBuffers(), a.minProgramLength(), pageSize, a.erasedValue());
        return new TargetDescription(target.name(), target.vendor(), target.family(), target.cores(),
                target.memoryMap(), List.of(small), target.resetType());
    }

    private static byte[] random() {
        byte[] bytes = new byte[SIZE];
        new Random(3).nextBytes(bytes);
        return bytes;
    }
}
