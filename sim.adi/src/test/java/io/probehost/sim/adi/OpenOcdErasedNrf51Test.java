package io.probehost.sim.adi;

import static io.probehost.sim.adi.OpenOcdOps.assertOk;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.probehost.sim.adi.rbb.RemoteBitbangServer;
import io.probehost.sim.mcu.nrf51.Nrf51822;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user does first: the real OpenOCD 0.12 halts a factory-fresh (erased) virtual nRF51822,
 * whose core locked up at power-on on its all-ones vector table, and flashes and verifies an image.
 */
class OpenOcdErasedNrf51Test {
    private static final int IMAGE_SIZE = 1024 + 512;
    /** As in {@link OpenOcdNrf51JudgeTest}: 100 kHz modelled TCK keeps page erases within OpenOCD's wait. */
    private static final long NANOS_PER_TCK = 10_000;

    @TempDir
    Path workDir;

    /** A vector table (SP, reset handler {@code b .} at 0xC0) and filler over two flash pages. */
    private static byte[] image() {
        ByteBuffer image = ByteBuffer.allocate(IMAGE_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        byte[] filler = new byte[IMAGE_SIZE];
        new Random(51).nextBytes(filler);
        image.put(filler);
        image.putInt(0, Nrf51822.RAM_BASE + Nrf51822.RAM_SIZE);
        for (int vector = 1; vector < 48; vector++) {
            image.putInt(4 * vector, 0xC0 | 1);
        }
        image.putShort(0xC0, (short) 0xE7FE);
        return image.array();
    }

    private static List<String> script(Path imageFile) {
        String file = imageFile.toString();
        return List.of(
                "init",
                "probehost_op halt {halt}",
                "probehost_op reg_pc {reg pc}",
                "probehost_op flash_write {flash write_image erase " + file + " 0}",
                "probehost_op verify {verify_image " + file + " 0}",
                "shutdown");
    }

    @Test
    void openocdHaltsFlashesAndVerifiesWhenTheVirtualNrf51IsErased() throws Exception {
        byte[] image = image();
        Path imageFile = workDir.resolve("probehost-erased-nrf51.bin");
        Files.write(imageFile, image);
        try (Nrf51822 mcu = Nrf51822.create(null);
                RemoteBitbangServer server = new RemoteBitbangServer(
                        new SwjDp(mcu, WireMode.JTAG, NANOS_PER_TCK), InetAddress.getLoopbackAddress(), 0)) {
            byte[] erased = new byte[IMAGE_SIZE];
            Arrays.fill(erased, (byte) 0xFF);
            assertArrayEquals(erased, mcu.readFlash(0, IMAGE_SIZE), "a factory-fresh chip");
            server.start();
            OpenOcd.Result result = OpenOcd.run(server.port(), "probehost-nrf51-rbb.cfg", script(imageFile), 120, workDir);
            String log = result.output();
            assertFalse(result.timedOut(), "OpenOCD did not finish in time:\n" + log);

            List<Executable> checks = new ArrayList<>();
            checks.add(() -> assertEquals(0, result.exitCode(), log));
            checks.add(() -> assertTrue(log.contains("clearing lockup after double fault"), "locked up at first:\n" + log));
            checks.add(() -> assertOk(log, "halt", ""));
            checks.add(() -> assertOk(log, "reg_pc", "0xfffffffe"));
            checks.add(() -> assertOk(log, "flash_write", "wrote " + IMAGE_SIZE + " bytes"));
            checks.add(() -> assertOk(log, "verify", "verified " + IMAGE_SIZE + " bytes"));
            checks.add(() -> assertArrayEquals(image, mcu.readFlash(0, IMAGE_SIZE), "flash holds the image"));
            assertAll(checks);
        }
    }
}
