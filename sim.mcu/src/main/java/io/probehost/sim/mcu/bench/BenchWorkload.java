package io.probehost.sim.mcu.bench;

import io.probehost.sim.mcu.cpu.Profile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The benchmark's realistic workload: {@code src/main/c/bench/bench.c} (linked lists, a matrix
 * product, a parsing state machine, CRC-16 in an endless loop) compiled for the Cortex-M0 or the
 * Cortex-M3 and run on a {@link CortexMTestMachine}. The program counts its iterations in the
 * first RAM word and folds their results into the second, the same on both profiles.
 */
public final class BenchWorkload {
    public static final int ITERATIONS_ADDRESS = CortexMTestMachine.SRAM_BASE;
    public static final int CHECKSUM_ADDRESS = CortexMTestMachine.SRAM_BASE + 4;

    private BenchWorkload() {
    }

    /** A machine of {@code profile} (flash at 0, 8 KiB of SRAM) with the workload loaded and reset. */
    public static CortexMTestMachine machine(Profile profile) {
        CortexMTestMachine machine = new CortexMTestMachine(profile, 0, 0x2000, 0x2000);
        machine.load(image(profile));
        return machine;
    }

    static byte[] image(Profile profile) {
        String name = profile == Profile.ARMV7M ? "bench-cortex-m3.bin" : "bench-cortex-m0.bin";
        try (InputStream in = BenchWorkload.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + ": run src/main/c/bench/build-bench.sh");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
