package io.probehost.arch.riscv.internal;

import static io.probehost.arch.riscv.internal.LabGd32vf103.SRAM;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.probehost.api.debug.CrcCode;
import io.probehost.api.debug.FunctionCall;
import io.probehost.api.debug.FunctionCaller;

/** The RV32 build of the flash loader's sector CRC: rebuilt from flash's C source, and run on the lab hart. */
class RiscvCrcCodeTest {
    private static final Path SOURCE = Path.of("../flash/src/main/c/sector_crc.c");

    @TempDir
    Path work;

    @Test
    void isTheRv32imacBuildOfTheFlashLoadersSource() throws IOException, InterruptedException {
        Path object = work.resolve("sector_crc.o");
        Path elf = work.resolve("sector_crc.elf");
        Path bin = work.resolve("sector_crc.bin");
        run("riscv64-unknown-elf-gcc", "-march=rv32imac", "-mabi=ilp32", "-Os", "-ffreestanding", "-nostdlib",
                "-msmall-data-limit=0", "-mno-relax", "-c", SOURCE.toString(), "-o", object.toString());
        run("riscv64-unknown-elf-ld", "-m", "elf32lriscv", "-Ttext=0", "-e", "sector_crc", object.toString(), "-o",
                elf.toString());
        run("riscv64-unknown-elf-objcopy", "-O", "binary", "-j", ".text", elf.toString(), bin.toString());
        assertArrayEquals(Files.readAllBytes(bin), RiscvCrcCode.CODE);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), String.join(" ", command) + "\n" + log);
    }

    @Test
    void computesTheCrcsOfRangesOnTheHartWithAndWithoutTheByteTable() {
        try (LabGd32vf103 lab = new LabGd32vf103(); RiscvDebugTarget target = lab.connect()) {
            byte[] data = new byte[0x1801];
            new Random(3).nextBytes(data);
            long base = SRAM + 0x4000;
            target.memory().write(base, data);
            long code = SRAM + 0x100;
            long table = SRAM + 0x400;
            long out = SRAM + 0x500;
            long lut = SRAM + 0x800;
            target.memory().write(code, target.capability(CrcCode.class).orElseThrow().code());
            target.memory().write32(SRAM, RiscvBreakpoints.EBREAK);
            List<int[]> ranges = List.of(new int[] {0, data.length}, new int[] {3, 1000}, new int[] {0x801, 1});
            ByteBuffer pairs = ByteBuffer.allocate(ranges.size() * 8).order(ByteOrder.LITTLE_ENDIAN);
            for (int[] range : ranges) {
                pairs.putInt((int) base + range[0]).putInt(range[1]);
            }
            target.memory().write(table, pairs.array());
            FunctionCaller caller = target.capability(FunctionCaller.class).orElseThrow();
            for (long lookup : new long[] {lut, 0}) {
                long result = caller.call(FunctionCall.of("sector CRC", code, SRAM, table, ranges.size(), out, lookup)
                        .withStackPointer(SRAM + 0x3000), Duration.ofSeconds(10));
                assertEquals(0, result);
                ByteBuffer crcs = ByteBuffer.wrap(target.memory().read(out, ranges.size() * 4))
                        .order(ByteOrder.LITTLE_ENDIAN);
                for (int[] range : ranges) {
                    CRC32 expected = new CRC32();
                    expected.update(data, range[0], range[1]);
                    assertEquals(expected.getValue(), crcs.getInt() & 0xFFFF_FFFFL, "lut " + lookup);
                }
            }
        }
    }
}
