package io.probehost.sim.adi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Builds an RV32 test program from its assembly source with Debian's riscv64-unknown-elf-gcc
 * (rv32imac, ilp32) into a flat binary, padded with seeded random filler to the requested size.
 */
final class RiscvTestImage {
    static final Path GCC = Path.of("/usr/bin/riscv64-unknown-elf-gcc");
    static final Path OBJCOPY = Path.of("/usr/bin/riscv64-unknown-elf-objcopy");

    private RiscvTestImage() {
    }

    /** {@code source} (a test resource) linked at {@code textAddress}, then filler up to {@code size} bytes. */
    static byte[] build(String source, int textAddress, int size, long seed, Path workDir)
            throws IOException, InterruptedException {
        assertTrue(Files.isExecutable(GCC), "the RISC-V toolchain is required: apt-get install gcc-riscv64-unknown-elf");
        Path elf = workDir.resolve(source + ".elf");
        Path bin = workDir.resolve(source + ".bin");
        run(List.of(GCC.toString(), "-march=rv32imac", "-mabi=ilp32", "-nostdlib", "-nostartfiles",
                "-Wl,-Ttext=0x" + Integer.toHexString(textAddress), "-Wl,--no-relax",
                "-o", elf.toString(), OpenOcd.resource(source).toString()), workDir);
        run(List.of(OBJCOPY.toString(), "-O", "binary", elf.toString(), bin.toString()), workDir);
        byte[] code = Files.readAllBytes(bin);
        assertTrue(code.length > 0 && code.length <= size, "program of " + code.length + " bytes");
        byte[] image = Arrays.copyOf(code, size);
        byte[] filler = new byte[size - code.length];
        new Random(seed).nextBytes(filler);
        System.arraycopy(filler, 0, image, code.length, filler.length);
        return image;
    }

    private static void run(List<String> argv, Path workDir) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(argv).directory(workDir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "timed out: " + argv);
        assertEquals(0, process.exitValue(), argv + ":\n" + output);
    }
}
