package io.probehost.sim.adi;

import static io.probehost.sim.adi.OpenOcdOps.addFlashWriteChecks;
import static io.probehost.sim.adi.OpenOcdOps.assertOk;
import static io.probehost.sim.adi.OpenOcdOps.erased;
import static io.probehost.sim.adi.OpenOcdOps.judgeChecks;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.probehost.sim.mcu.stm32f1.Stm32f103;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;

/**
 * The judge for the STM32F1 model: the real OpenOCD 0.12 finds the two-TAP chain, identifies the
 * virtual STM32F103RB, flashes it with its stm32f1x driver and FPEC loader (the core runs the
 * loader while the host fills its FIFO), then locks it (RDP: debug reads of flash fail) and
 * unlocks it (mass erase), through the remote_bitbang server and OpenOCD's unchanged
 * target/stm32f1x.cfg.
 */
class OpenOcdStm32f103JudgeTest {
    private static final int FLASH = Stm32f103.FLASH_BASE;
    private static final int CODE = CountingLoopImage.CODE;
    private static final int IMAGE_SIZE = 3 * 1024 + 256;
    /** Modelled TCK period, 100 kHz: a 40 ms page erase ends within OpenOCD's 100 one-millisecond polls. */
    private static final long NANOS_PER_TCK = 10_000;

    @TempDir
    Path workDir;

    /** Vector table (SP top of SRAM, reset at CODE), {@code adds r0, #1; b CODE}, then random filler. */
    static byte[] image() {
        return CountingLoopImage.build(FLASH, Stm32f103.SRAM_BASE + Stm32f103.SRAM_SIZE, IMAGE_SIZE, 103);
    }

    private static List<String> script(Path imageFile) {
        String file = imageFile.toString();
        return List.of(
                "init",
                "probehost_op halt {halt}",
                "probehost_op idcode {mdw 0xE0042000}",
                "probehost_op probe {flash probe 0}",
                "probehost_op flash_write {flash write_image erase " + file + " 0x08000000}",
                "probehost_op verify {verify_image " + file + " 0x08000000}",
                "probehost_op reset_halt {reset halt}",
                "probehost_op reg_pc {reg pc}",
                "probehost_op step {step}",
                "probehost_op reg_r0_after_step {reg r0}",
                "probehost_op options {stm32f1x options_read 0}",
                "probehost_op lock {stm32f1x lock 0}",
                "probehost_op reset_after_lock {reset halt}",
                "probehost_op options_locked {stm32f1x options_read 0}",
                "probehost_op read_locked {mdw 0x08000000}",
                "probehost_op unlock {stm32f1x unlock 0}",
                "probehost_op reset_after_unlock {reset halt}",
                "probehost_op options_unlocked {stm32f1x options_read 0}",
                "probehost_op read_unlocked {mdw 0x08000000}",
                "shutdown");
    }

    @Test
    void openocdFindsTheChainFlashesAndLocksAndUnlocksTheVirtualStm32f103WithItsOwnDriver() throws Exception {
        Path imageFile = Files.write(workDir.resolve("probehost-stm32f1-test.bin"), image());
        try (Stm32f103 mcu = Stm32f103.create(null)) {
            OpenOcd.Result result = OpenOcd.runAgainst(new SwjDp(mcu, SwjIdentity.STM32F1, WireMode.JTAG, NANOS_PER_TCK),
                    "probehost-stm32f1-rbb.cfg", script(imageFile), 180, workDir);
            String log = result.output();

            List<Executable> checks = judgeChecks(result);
            checks.add(() -> assertTrue(log.contains("tap/device found: 0x3ba00477"), log));
            checks.add(() -> assertTrue(log.contains("tap/device found: 0x06410041"), log));
            checks.add(() -> assertTrue(log.contains("Cortex-M3 r1p1 processor detected"), log));
            checks.add(() -> assertOk(log, "halt", ""));
            checks.add(() -> assertOk(log, "idcode", "0xe0042000: 20006410"));
            checks.add(() -> assertOk(log, "probe", "flash 'stm32f1x' found at 0x08000000"));
            addFlashWriteChecks(checks, log, IMAGE_SIZE);
            checks.add(() -> assertOk(log, "reset_halt", ""));
            checks.add(() -> assertOk(log, "reg_pc", String.format("0x%08x", FLASH + CODE)));
            checks.add(() -> assertOk(log, "step", ""));
            checks.add(() -> assertOk(log, "reg_r0_after_step", "0x00000001"));
            checks.add(() -> assertOk(log, "options", "read protection: off"));
            checks.add(() -> assertOk(log, "lock", ""));
            checks.add(() -> assertOk(log, "options_locked", "read protection: on"));
            checks.add(() -> assertTrue(OpenOcdOps.opResult(log, "read_locked").startsWith("FAIL"), log));
            checks.add(() -> assertOk(log, "unlock", ""));
            checks.add(() -> assertOk(log, "options_unlocked", "read protection: off"));
            checks.add(() -> assertOk(log, "read_unlocked", "0x08000000: ffffffff"));
            checks.add(() -> assertTrue(Arrays.equals(erased(IMAGE_SIZE), mcu.readFlash(FLASH, IMAGE_SIZE)),
                    "unlocking mass-erased the flash"));
            checks.add(() -> assertEquals((byte) 0xA5, mcu.readFlash(Stm32f103.OPTION_BYTES_BASE, 1)[0]));
            assertAll(checks);
        }
    }
}
