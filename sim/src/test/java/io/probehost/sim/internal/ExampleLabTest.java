package io.probehost.sim.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The 24-probe lab shipped in {@code examples/} loads and puts every probe on the virtual bus. */
class ExampleLabTest {
    private static final Path LAB_24 = Path.of("..", "examples", "lab-24.json");

    @Test
    void the24ProbeLabFileLoadsWithAMixOfProbeKindsAndParts() {
        LabConfig config = LabConfig.read(LAB_24);
        assertEquals(24, config.probes().size());
        assertEquals(24, config.targets().size());
        assertEquals(Map.of("daplink", 8L, "cmsis-dap", 10L, "stlink-v2-1", 6L), count(config.probes().stream()
                .map(LabConfig.Probe::kind)));
        assertEquals(Map.of("nrf51822", 18L, "stm32f103rb", 6L), count(config.targets().stream()
                .map(LabConfig.Target::part)));
    }

    @Test
    void everyProbeOfThe24ProbeLabIsPluggedIntoTheVirtualBus() {
        try (Lab lab = new Lab(LabConfig.read(LAB_24), null)) {
            assertEquals(24, lab.bus().devices().size());
            assertEquals(24, lab.probes().stream().filter(p -> p.emulator().isPlugged()).count());
        }
    }

    private static Map<String, Long> count(java.util.stream.Stream<String> names) {
        return new TreeMap<>(names.collect(Collectors.groupingBy(Function.identity(), Collectors.counting())));
    }
}
