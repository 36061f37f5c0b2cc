package io.probehost.sim.adi;

import static io.probehost.sim.adi.OpenOcdOps.addFlashWriteChecks;
import static io.probehost.sim.adi.OpenOcdOps.assertOk;
import static io.probehost.sim.adi.OpenOcdOps.erased;
import static io.probehost.sim.adi.OpenOcdOps.judgeChecks;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.probehost.sim.mcu.nrf51.Nrf51822;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Path imageFile = Files.write(workDir.resolve("probehost-erased-nrf51.bin"), image);
        try (Nrf51822 mcu = Nrf51822.create(null)) {
            assertArrayEquals(erased(IMAGE_SIZE), mcu.readFlash(0, IMAGE_SIZE), "a factory-fresh chip");
            OpenOcd.Result result = OpenOcd.runAgainst(new SwjDp(mcu, WireMode.JTAG, NANOS_PER_TCK),
                    "probehost-nrf51-rbb.cfg", script(imageFile), 120, workDir);
            String log = result.output();

            List<Executable> checks = judgeChecks(result);
            checks.add(() -> assertTrue(log.contains("clearing lockup after double fault"), "locked up at first:\n" + log));
            checks.add(() -> assertOk(log, "halt", ""));
            checks.add(() -> assertOk(log, "reg_pc", "0xfffffffe"));
            addFlashWriteChecks(checks, log, IMAGE_SIZE);
            checks.add(() -> assertArrayEquals(image, mcu.readFlash(0, IMAGE_SIZE), "flash holds the image"));
            assertAll(checks);
        }
    }
}
