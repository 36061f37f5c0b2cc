package io.probehost.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The lab as a chip on the bench: what one command flashes, the next command (another process)
 * reads back, and the firmware runs after reset; {@code lab:reset-state} erases it again.
 */
public class LabStateCliIT {
    private static final String PROBE = "9900";

    @BeforeClass
    public static void privateStateFolder() throws Exception {
        ProbehostCliIT.privateStateFolder();
    }

    @Test
    public void flashedFirmwarePersistsAcrossRunsRunsAfterResetAndResetStateErasesIt() throws Exception {
        Path firmware = Path.of(System.getProperty("probehost.top", "..")).toAbsolutePath().normalize()
                .resolve("firmware/target/firmware");
        byte[] bin = Files.readAllBytes(firmware.resolve("torture.bin"));
        ByteBuffer vectors = ByteBuffer.wrap(bin).order(ByteOrder.LITTLE_ENDIAN);

        ProbehostCliIT.Result flashed = ProbehostCliIT.run(null, "--sim", "flash:program", "-u", PROBE,
                firmware.resolve("torture.hex").toString());
        assertEquals(flashed.err(), 0, flashed.status());
        assertTrue(flashed.out(), flashed.out().contains("Programmed torture.hex"));

        ProbehostCliIT.Result read = ProbehostCliIT.run(null, "--sim", "mem:read32", "-u", PROBE, "0x0", "2");
        assertEquals(read.err(), 0, read.status());
        assertTrue(read.out(), read.out().contains(String.format("%08x %08x", vectors.getInt(0), vectors.getInt(4))));

        // RAM does not outlive a run (the lab powers up with the runtime, as a chip with its board), so
        // the reset and the reads of the result block share one session; the reads also give the
        // freshly started emulator (not yet compiled by the JIT) the second or so it needs.
        String resetThenRead = "target:reset -u " + PROBE + "\n"
                + ("mem:read32 -u " + PROBE + " 0x20003F00 1\n").repeat(1500);
        ProbehostCliIT.Result ran = ProbehostCliIT.run(resetThenRead, "--sim");
        assertEquals(ran.err(), 0, ran.status());
        assertTrue("the firmware ran after the reset and marked its result block DONE: " + ran.out(),
                ran.out().contains("20003f00:  454e4f44"));

        ProbehostCliIT.Result wiped = ProbehostCliIT.run(null, "--sim", "lab:reset-state");
        assertEquals(wiped.err(), 0, wiped.status());
        ProbehostCliIT.Result erased = ProbehostCliIT.run(null, "--sim", "mem:read32", "-u", PROBE, "0x0", "2");
        assertTrue(erased.out(), erased.out().contains("ffffffff ffffffff"));
    }
}
