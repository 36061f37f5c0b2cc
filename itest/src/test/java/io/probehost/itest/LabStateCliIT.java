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

        ProbehostCliIT.Result reset = ProbehostCliIT.run(null, "--sim", "target:reset", "-u", PROBE);
        assertEquals(reset.err(), 0, reset.status());
        ProbehostCliIT.Result result = awaitResultBlock();
        assertTrue("the firmware ran and marked its result block DONE: " + result.out(),
                result.out().contains("454e4f44"));

        ProbehostCliIT.Result wiped = ProbehostCliIT.run(null, "--sim", "lab:reset-state");
        assertEquals(wiped.err(), 0, wiped.status());
        ProbehostCliIT.Result erased = ProbehostCliIT.run(null, "--sim", "mem:read32", "-u", PROBE, "0x0", "2");
        assertTrue(erased.out(), erased.out().contains("ffffffff ffffffff"));
    }

    private static ProbehostCliIT.Result awaitResultBlock() throws Exception {
        ProbehostCliIT.Result last = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            last = ProbehostCliIT.run(null, "--sim", "mem:read32", "-u", PROBE, "0x20003F00", "1");
            if (last.out().contains("454e4f44")) {
                return last;
            }
        }
        return last;
    }
}
