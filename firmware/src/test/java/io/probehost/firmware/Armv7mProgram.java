package io.probehost.firmware;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The Cortex-M3 (ARMv7-M) programs, built for QEMU's stm32vldiscovery: flash at 0x08000000,
 * 8 KiB of SRAM, the result block at {@link #RESULT_BASE} (the layout of {@link ResultBlock}).
 */
public enum Armv7mProgram {
    THUMB2("m3-thumb2", 0x324D_4854),      // "THM2", -O1
    THUMB2_O2("m3-thumb2-o2", 0x324D_4854), // the same checks with -O2
    TORTURE("m3-torture", 0x5452_4F54),    // the ARMv6-M torture compiled for the M3 at -O2
    FAULTS("m3-faults", 0x4637_5654),      // "TV7F": configurable faults, BASEPRI, FAULTMASK
    FUZZ("m3-fuzz", 0x3254_5A46),          // "FZT2": random Thumb-2 blocks run from SRAM
    EXCRET("m3-excret", 0x5243_5845);      // "EXCR": tail-chaining, return checks, STKERR/UNSTKERR, STKALIGN

    public static final int RESULT_BASE = 0x2000_1F00;
    public static final int SRAM_BASE = 0x2000_0000;

    private final String imageName;
    private final int id;

    Armv7mProgram(String imageName, int id) {
        this.imageName = imageName;
        this.id = id;
    }

    public int id() {
        return id;
    }

    public Path elf() {
        return image(".elf");
    }

    public Path bin() {
        return image(".bin");
    }

    private Path image(String extension) {
        return FirmwareImage.path(imageName + extension);
    }

    /** All of SRAM, result block last, as QEMU holds it once the program wrote its status. */
    int[] runOnQemu() throws IOException {
        try (QemuMicrobit qemu = QemuMicrobit.start("stm32vldiscovery", elf())) {
            long deadline = System.nanoTime() + QemuRuns.TIMEOUT.toNanos();
            while (!ResultBlock.isFinished(qemu.readWords(RESULT_BASE, 1)[0])) {
                if (System.nanoTime() > deadline) {
                    throw new IOException(this + " gave no DONE/FAIL status on QEMU within " + QemuRuns.TIMEOUT);
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
            return qemu.readWords(SRAM_BASE, (RESULT_BASE + 4 * ResultBlock.WORDS - SRAM_BASE) / 4);
        }
    }

    static ResultBlock blockOf(int[] sram) {
        int first = (RESULT_BASE - SRAM_BASE) / 4;
        return new ResultBlock(java.util.Arrays.copyOfRange(sram, first, first + ResultBlock.WORDS));
    }
}
