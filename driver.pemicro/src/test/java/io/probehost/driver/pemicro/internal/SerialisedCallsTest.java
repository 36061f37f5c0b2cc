package io.probehost.driver.pemicro.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.ArmMemoryEngine;
import io.probehost.api.probe.ArmMemoryEngine.AccessWidth;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.WireProtocol;
import io.probehost.sim.mcu.nrf51.Nrf51822;

/**
 * The library is not thread-safe (the stand-in, like it, shares one connection and one answer
 * buffer): listing and memory traffic from several threads at once must still each get their own
 * answers, because the driver passes every call through one lock.
 */
class SerialisedCallsTest {

    @Test
    void listingAndMemoryFromFourThreadsGetTheirOwnAnswers(@TempDir Path folder) throws Exception {
        byte[] pattern = new byte[512];
        for (int i = 0; i < pattern.length; i++) {
            pattern[i] = (byte) (i * 5 + 3);
        }
        try (StandInBench bench = new StandInBench(folder)) {
            PeMicroDriver driver = new PeMicroDriver(bench.location());
            ExecutorService threads = Executors.newFixedThreadPool(4);
            try (DebugProbe probe = driver.open(driver.probes().get(0), SessionOptions.defaults())) {
                probe.connect(WireProtocol.SWD);
                bench.mcu.writeRam(Nrf51822.RAM_BASE, pattern);
                ArmMemoryEngine engine = probe.capability(ArmMemoryEngine.class).orElseThrow();
                List<Future<?>> work = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    work.add(threads.submit(() -> {
                        for (int i = 0; i < 100; i++) {
                            assertEquals(StandInBench.SERIAL, driver.probes().get(0).uniqueId());
                        }
                        return null;
                    }));
                    work.add(threads.submit(() -> {
                        for (int i = 0; i < 100; i++) {
                            byte[] back = new byte[pattern.length];
                            engine.readMemory(0, Nrf51822.RAM_BASE, AccessWidth.WORD, back, 0, back.length);
                            assertArrayEquals(pattern, back);
                        }
                        return null;
                    }));
                }
                for (Future<?> done : work) {
                    done.get();
                }
            } finally {
                threads.shutdownNow();
                driver.deactivate();
            }
        }
    }
}
