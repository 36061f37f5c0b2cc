package io.probehost.sim.mcu.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.probehost.sim.mcu.cpu.Profile;
import org.junit.jupiter.api.Test;

/** The benchmark workload computes the same thing compiled for either core. */
class BenchWorkloadTest {
    private static final int ITERATIONS = 3;

    private static int checksumAfterIterations(Profile profile) {
        CortexMTestMachine machine = BenchWorkload.machine(profile);
        for (int step = 0; step < 2_000_000 && machine.readWord(BenchWorkload.ITERATIONS_ADDRESS) < ITERATIONS; step++) {
            machine.core().step();
        }
        assertEquals(ITERATIONS, machine.readWord(BenchWorkload.ITERATIONS_ADDRESS), profile + " iterations");
        return machine.readWord(BenchWorkload.CHECKSUM_ADDRESS);
    }

    @Test
    void cortexM0AndCortexM3BuildsFoldTheSameChecksum() {
        int armv6m = checksumAfterIterations(Profile.ARMV6M);
        assertNotEquals(0, armv6m);
        assertEquals(armv6m, checksumAfterIterations(Profile.ARMV7M));
    }
}
