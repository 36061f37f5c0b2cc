package io.probehost.sim.adi;

import static io.probehost.sim.adi.OpenOcdOps.addFlashWriteChecks;
import static io.probehost.sim.adi.OpenOcdOps.assertOk;
import static io.probehost.sim.adi.OpenOcdOps.judgeChecks;
import static io.probehost.sim.adi.OpenOcdOps.opResult;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.probehost.sim.mcu.nrf51.Nrf51822;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;

/**
 * The judge: the real OpenOCD 0.12 debugs and flashes the virtual nRF51822 through the
 * remote_bitbang server, JTAG transport, OpenOCD's own nrf51 target script and flash driver.
 */
class OpenOcdNrf51JudgeTest {
    private static final int CODE = CountingLoopImage.CODE;
    private static final int IMAGE_SIZE = 3 * 1024 + 256;
    /**
     * Modelled TCK period: 100 kHz. While the core is halted only TCKs move virtual time, and
     * OpenOCD's nrf5 driver waits at most 340 ms of wall time for a 22 ms page erase, so the
     * erase must complete within a few READY polls however slow the machine is.
     */
    private static final long NANOS_PER_TCK = 10_000;

    @TempDir
    Path workDir;

    /**
     * Vector table (SP top of RAM, reset at CODE, faults at a branch-to-self), then at CODE
     * {@code adds r0, #1; b CODE}, then filler over four flash pages.
     */
    static byte[] image() {
        return CountingLoopImage.build(0, Nrf51822.RAM_BASE + Nrf51822.RAM_SIZE, IMAGE_SIZE, 51822);
    }

    /** What the chip ran before: a reset handler spinning on {@code b .}. */
    static byte[] previousFirmware() {
        ByteBuffer firmware = ByteBuffer.allocate(0x44).order(ByteOrder.LITTLE_ENDIAN);
        firmware.putInt(0, Nrf51822.RAM_BASE + Nrf51822.RAM_SIZE);
        for (int vector = 1; vector < 16; vector++) {
            firmware.putInt(4 * vector, CODE | 1);
        }
        firmware.putShort(CODE, (short) 0xE7FE);
        return firmware.array();
    }

    private static List<String> script(Path imageFile) {
        String file = imageFile.toString();
        return List.of(
                "init",
                "probehost_op halt {halt}",
                "probehost_op flash_write {flash write_image erase " + file + " 0}",
                "probehost_op verify {verify_image " + file + " 0}",
                "probehost_op reset_halt {reset halt}",
                "probehost_op reg_pc {reg pc}",
                "probehost_op reg_r0_zero {reg r0 0}",
                "probehost_op step {step}",
                "probehost_op reg_pc_after_step {reg pc}",
                "probehost_op reg_r0_after_step {reg r0}",
                "probehost_op mww {mww 0x20001000 0xdeadbeef}",
                "probehost_op mdw {mdw 0x20001000}",
                "probehost_op mdb {mdb 0x20001001 2}",
                "probehost_op resume {resume}",
                "sleep 100",
                "probehost_op halt_again {halt}",
                "probehost_op reg_r0_after_run {reg r0}",
                "probehost_op reg {reg}",
                "shutdown");
    }

    @Test
    void openocdHaltsStepsAccessesMemoryAndFlashesWhenDrivingTheVirtualNrf51() throws Exception {
        byte[] image = image();
        Path imageFile = Files.write(workDir.resolve("probehost-nrf51-test.bin"), image);
        try (Nrf51822 mcu = Nrf51822.create(null)) {
            mcu.loadFlash(0, previousFirmware());
            mcu.reset();
            OpenOcd.Result result = OpenOcd.runAgainst(new SwjDp(mcu, WireMode.JTAG, NANOS_PER_TCK),
                    "probehost-nrf51-rbb.cfg", script(imageFile), 120, workDir);
            String log = result.output();

            List<Executable> checks = judgeChecks(result);
            checks.add(() -> assertTrue(log.contains("tap/device found: 0x0ba01477"), log));
            checks.add(() -> assertTrue(log.contains("Cortex-M0 r0p0 processor detected"), log));
            checks.add(() -> assertOk(log, "halt", ""));
            addFlashWriteChecks(checks, log, IMAGE_SIZE);
            checks.add(() -> assertArrayEquals(image, mcu.readFlash(0, IMAGE_SIZE)));
            checks.add(() -> assertOk(log, "reset_halt", ""));
            checks.add(() -> assertOk(log, "reg_pc", String.format("0x%08x", CODE)));
            checks.add(() -> assertOk(log, "step", ""));
            checks.add(() -> assertOk(log, "reg_pc_after_step", String.format("0x%08x", CODE + 2)));
            checks.add(() -> assertOk(log, "reg_r0_after_step", "0x00000001"));
            checks.add(() -> assertOk(log, "mww", ""));
            checks.add(() -> assertOk(log, "mdw", "0x20001000: deadbeef"));
            checks.add(() -> assertOk(log, "mdb", "0x20001001: be ad"));
            checks.add(() -> assertOk(log, "resume", ""));
            checks.add(() -> assertOk(log, "halt_again", ""));
            checks.add(() -> assertTrue(opResult(log, "reg_r0_after_run").matches(".*0x[0-9a-f]{8}.*")
                    && !opResult(log, "reg_r0_after_run").contains("0x00000001"), log));
            checks.add(() -> assertOk(log, "reg", "xPSR"));
            assertAll(checks);
        }
    }

    private static void assertArrayEquals(byte[] expected, byte[] actual) {
        assertTrue(Arrays.equals(expected, actual), "flash content differs from the image");
    }
}
