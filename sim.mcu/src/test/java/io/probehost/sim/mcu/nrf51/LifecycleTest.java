package io.probehost.sim.mcu.nrf51;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.probehost.sim.mcu.RunOutcome;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    private static Set<Thread> cpuThreads() {
        Set<Thread> threads = new HashSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("nrf51822-cpu")) {
                threads.add(thread);
            }
        }
        return threads;
    }

    @Test
    void closeStopsTheCpuThreadAndIsIdempotent() {
        Set<Thread> before = cpuThreads();
        Nrf51822 mcu = Nrf51822.create(null);
        Set<Thread> mine = cpuThreads();
        mine.removeAll(before);
        assertEquals(1, mine.size());
        mcu.close();
        mcu.close();
        assertFalse(mine.iterator().next().isAlive());
    }

    @Test
    void blankFlashLocksTheCoreUpAfterReset() throws Exception {
        try (Nrf51822 mcu = Nrf51822.create(null)) {
            mcu.reset();
            assertEquals(RunOutcome.LOCKED_UP, mcu.runUntilHalted(10_000));
        }
    }
}
