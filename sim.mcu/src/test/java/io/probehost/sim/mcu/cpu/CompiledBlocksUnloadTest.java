package io.probehost.sim.mcu.cpu;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.probehost.sim.mcu.bench.BenchWorkload;
import io.probehost.sim.mcu.bench.CortexMTestMachine;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The classes of compiled blocks go with their core: a station that creates and drops virtual boards
 * for months (a driver updated, a lab reloaded) does not fill its metaspace with them.
 */
class CompiledBlocksUnloadTest {

    @Test
    void blocksOfDroppedCoresAreUnloaded() throws InterruptedException {
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        long unloadedBefore = classes.getUnloadedClassCount();
        int compiled = 0;
        for (int i = 0; i < 20; i++) {
            CortexMTestMachine machine = BenchWorkload.machine(i % 2 == 0 ? Profile.ARMV6M : Profile.ARMV7M);
            machine.core().compileBlocksAfter(1);
            machine.core().run(50_000);
            compiled += machine.core().compiledBlocks();
        }
        assertTrue(compiled > 200, compiled + " blocks compiled");
        for (int gc = 0; gc < 20 && classes.getUnloadedClassCount() - unloadedBefore < compiled; gc++) {
            System.gc();
            Thread.sleep(50);
        }
        long unloaded = classes.getUnloadedClassCount() - unloadedBefore;
        assertTrue(unloaded >= compiled, unloaded + " classes unloaded of " + compiled + " blocks compiled by cores no longer reachable");
    }
}
