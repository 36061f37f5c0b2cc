package io.probehost.sim.adi;

import static io.probehost.sim.adi.OpenOcdOps.addFlashWriteChecks;
import static io.probehost.sim.adi.OpenOcdOps.assertOk;
import static io.probehost.sim.adi.OpenOcdOps.judgeChecks;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.probehost.sim.adi.riscv.RiscvJtagDtm;
import io.probehost.sim.riscv.gd32vf103.Gd32vf103;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The judge for the GD32VF103 model: the real OpenOCD 0.12, with its unchanged
 * target/gd32vf103.cfg over remote_bitbang, finds the RISC-V DTM, examines the hart through the
 * Debug Module, halts, reads registers and memory, single-steps, stops at a hardware breakpoint and
 * a watchpoint (triggers), resumes, programs the flash with
 * its stm32f1x driver (which runs OpenOCD's RISC-V loader on the virtual hart) and verifies it,
 * and resets: {@code reset halt} and {@code reset run} (through ndmreset, which on this chip only
 * halts and resumes), then the system reset through the DBG registers, with abstract memory access
 * as upstream OpenOCD does it.
 */
class OpenOcdGd32vf103JudgeTest {
    private static final int FLASH = Gd32vf103.FLASH_BASE;
    private static final int IMAGE_SIZE = 3 * 1024 + 256;
    /** Modelled TCK period, 100 kHz, as for the STM32F103 judge. */
    private static final long NANOS_PER_TCK = 10_000;

    @TempDir
    Path workDir;

    private static List<String> script(Path imageFile) {
        String file = imageFile.toString();
        return List.of(
                "init",
                "probehost_op halt {halt}",
                "probehost_op dbg_id {mdw 0xE0042000}",
                "probehost_op misa {reg misa}",
                "probehost_op mww {mww 0x20000100 0x12345678}",
                "probehost_op mdw {mdw 0x20000100}",
                "probehost_op probe {flash probe 0}",
                "probehost_op flash_write {flash write_image erase " + file + " 0x08000000}",
                "probehost_op verify {verify_image " + file + " 0x08000000}",
                "probehost_op set_pc {reg pc 0}",
                "probehost_op step1 {step}",
                "probehost_op step2 {step}",
                "probehost_op step3 {step}",
                "probehost_op step4 {step}",
                "probehost_op reg_pc {reg pc}",
                "probehost_op reg_a0 {reg a0}",
                "probehost_op hw_bp {bp 0x0000000a 2 hw}",
                "probehost_op resume_to_bp {resume; wait_halt 1000}",
                "probehost_op pc_at_bp {reg pc}",
                "probehost_op a0_at_bp {reg a0}",
                "probehost_op rbp {rbp 0x0000000a}",
                "probehost_op wp {wp 0x20000000 4 w}",
                "probehost_op resume_to_wp {resume; wait_halt 1000}",
                "probehost_op pc_at_wp {reg pc}",
                "probehost_op a0_at_wp {reg a0}",
                "probehost_op counter_at_wp {mdw 0x20000000}",
                "probehost_op rwp {rwp 0x20000000}",
                "probehost_op load_to_sram {load_image " + file + " 0x20001000 bin}",
                "probehost_op pc_to_sram {reg pc 0x20001000}",
                "probehost_op sw_bp {bp 0x2000100a 2}",
                "probehost_op sw_bp_code {mdh 0x2000100a}",
                "probehost_op resume_to_sw_bp {resume; wait_halt 1000}",
                "probehost_op pc_at_sw_bp {reg pc}",
                "probehost_op sw_rbp {rbp 0x2000100a}",
                "probehost_op sw_bp_restored {mdh 0x2000100a}",
                "probehost_op resume {resume}",
                "probehost_op wait {sleep 100}",
                "probehost_op halt_again {halt}",
                "probehost_op counter {mdw 0x20000000}",
                "probehost_op reset_halt {reset halt}",
                "probehost_op reset_run {reset run}",
                "probehost_op halt_before_dbg_reset {halt}",
                "probehost_op set_s1 {reg s1 0x5a5a5a5a}",
                "probehost_op abstract_memory {riscv set_mem_access abstract}",
                "probehost_op dbg_reset_arm {mww 0xE004200C 0x4B5A6978}",
                "probehost_op dbg_reset {mww 0xE0042008 1}",
                "probehost_op poll_after_reset {sleep 100; poll}",
                "probehost_op halt_after_reset {halt}",
                "probehost_op s1_after_reset {reg s1}",
                "shutdown");
    }

    @Test
    void openocdHaltsStepsAndFlashesTheVirtualGd32vf103WithItsOwnConfigAndDriver() throws Exception {
        byte[] image = RiscvTestImage.build("gd32vf103-counting-loop.S", FLASH, IMAGE_SIZE, 11, workDir);
        Path imageFile = Files.write(workDir.resolve("probehost-gd32vf103-test.bin"), image);
        try (Gd32vf103 mcu = Gd32vf103.create(null)) {
            RiscvJtagDtm dtm = new RiscvJtagDtm(mcu, Gd32vf103.JTAG_IDCODE, NANOS_PER_TCK);
            OpenOcd.Result result = OpenOcd.runAgainst(dtm, "probehost-gd32vf103-rbb.cfg", script(imageFile), 180, workDir);
            String log = result.output();

            List<Executable> checks = judgeChecks(result);
            checks.add(() -> assertTrue(log.contains("tap/device found: 0x1000563d"), log));
            checks.add(() -> assertTrue(log.contains("datacount=4 progbufsize=2"), log));
            checks.add(() -> assertTrue(log.contains("Found 4 triggers"), log));
            checks.add(() -> assertFalse(log.contains("UNEXPECTED"), log));
            checks.add(() -> assertOk(log, "halt", ""));
            checks.add(() -> assertOk(log, "dbg_id", "0xe0042000: 19060410"));
            checks.add(() -> assertOk(log, "misa", "0x40901105"));
            checks.add(() -> assertOk(log, "mww", ""));
            checks.add(() -> assertOk(log, "mdw", "0x20000100: 12345678"));
            checks.add(() -> assertOk(log, "probe", "flash 'stm32f1x' found at 0x08000000"));
            addFlashWriteChecks(checks, log, IMAGE_SIZE);
            checks.add(() -> assertOk(log, "step4", ""));
            // lui sp (4 bytes), c.li a0 (2), lui t0 (4), then the loop's c.addi a0 (2): pc at its sw, a0 = 1
            checks.add(() -> assertOk(log, "reg_pc", "0x0000000c"));
            checks.add(() -> assertOk(log, "reg_a0", "0x00000001"));
            // a trigger on the loop's first instruction: halted before it, after the sw and j, a0 still 1
            checks.add(() -> assertOk(log, "hw_bp", ""));
            checks.add(() -> assertOk(log, "pc_at_bp", "0x0000000a"));
            checks.add(() -> assertOk(log, "a0_at_bp", "0x00000001"));
            checks.add(() -> assertOk(log, "rbp", ""));
            // a store trigger on the counter: halted at the sw, before it stores a0 = 2 over the 1
            checks.add(() -> assertOk(log, "wp", ""));
            checks.add(() -> assertOk(log, "pc_at_wp", "0x0000000c"));
            checks.add(() -> assertOk(log, "a0_at_wp", "0x00000002"));
            checks.add(() -> assertOk(log, "counter_at_wp", "0x20000000: 00000001"));
            checks.add(() -> assertOk(log, "rwp", ""));
            // a software breakpoint in SRAM: OpenOCD writes c.ebreak, dcsr.ebreakm makes it halt the hart
            checks.add(() -> assertOk(log, "sw_bp", "breakpoint set at 0x2000100a"));
            checks.add(() -> assertOk(log, "sw_bp_code", "0x2000100a: 9002"));
            checks.add(() -> assertOk(log, "pc_at_sw_bp", "0x2000100a"));
            checks.add(() -> assertOk(log, "sw_bp_restored", "0x2000100a: " + String.format("%04x",
                    (image[0xA] & 0xFF) | (image[0xB] & 0xFF) << 8)));
            checks.add(() -> assertOk(log, "resume", ""));
            checks.add(() -> assertOk(log, "halt_again", ""));
            checks.add(() -> assertTrue(OpenOcdOps.opResult(log, "counter").matches("OK 0x20000000: [0-9a-f]{8}.*")
                    && !OpenOcdOps.opResult(log, "counter").contains("00000000 "), log));
            checks.add(() -> assertOk(log, "reset_halt", ""));
            checks.add(() -> assertOk(log, "reset_run", ""));
            // ndmreset resets nothing on this chip; the DBG reset register does, through abstract memory access
            checks.add(() -> assertOk(log, "set_s1", "0x5a5a5a5a"));
            checks.add(() -> assertOk(log, "dbg_reset", ""));
            checks.add(() -> assertOk(log, "halt_after_reset", ""));
            checks.add(() -> assertOk(log, "s1_after_reset", "s1 (/32): 0x00000000"));
            checks.add(() -> assertArrayEquals(image, mcu.readFlash(FLASH, IMAGE_SIZE), "flash holds the image"));
            assertAll(checks);
        }
    }
}
