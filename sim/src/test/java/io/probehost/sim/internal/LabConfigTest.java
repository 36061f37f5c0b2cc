package io.probehost.sim.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.probehost.api.ProbeException;

class LabConfigTest {
    @TempDir
    Path folder;

    @Test
    void defaultLabHasAMicrobitDaplinkAndAV21ProbeThatNamesItsTarget() {
        LabConfig config = LabConfig.readDefault();
        assertEquals(List.of("nrf51822", "nrf51822", "stm32f103rb", "stm32f103rb", "stm32f103rb", "nrf51822",
                "nrf51822", "nrf51822", "gd32vf103cb"),
                config.targets().stream().map(LabConfig.Target::part).toList());
        LabConfig.Probe daplink = config.probes().get(0);
        assertEquals("daplink", daplink.kind());
        assertTrue(daplink.serial().startsWith("9900"), "a micro:bit board ID leads the serial");
        LabConfig.Probe v21 = config.probes().get(1);
        assertEquals("cmsis-dap", v21.kind());
        assertEquals("nRF51822_xxAA", v21.targetName());
        assertEquals(List.of("stlink-v2-1", "stlink-v3", "stlink-v2"),
                config.probes().subList(2, 5).stream().map(LabConfig.Probe::kind).toList());
        assertEquals("0700", config.probes().get(2).boardId(), "the Nucleo-F103RB's board ID");
        assertEquals("V2J23S4", config.probes().get(4).firmware(), "older than V2J24, which the driver needs");
        LabConfig.Probe longan = config.probes().get(8);
        assertEquals("cmsis-dap", longan.kind());
        assertEquals("GD32VF103CB", longan.targetName(), "the pack's device name, as the driver looks it up");
        assertEquals("Longan Nano", longan.boardName());
        assertEquals(1000, config.link().hidRoundTripMicros());
        assertEquals(125, config.link().bulkRoundTripMicros());
    }

    @Test
    void yamlLabIsReadAndDefaultsTheLink() throws Exception {
        Path file = Files.writeString(folder.resolve("lab.yaml"), String.join("\n",
                "targets:", "  - { name: a, part: nrf51822 }",
                "probes:", "  - { kind: daplink, serial: '9900AB', target: a }"));
        LabConfig config = LabConfig.read(file);
        assertEquals("a", config.targets().get(0).name());
        assertEquals(125, config.link().bulkRoundTripMicros());
    }

    @Test
    void unknownPartProbeKindWiringAndFieldAreOneLineErrors() throws Exception {
        Path part = Files.writeString(folder.resolve("part.yaml"), "targets:\n  - { name: x, part: stm32 }\n");
        assertEquals("lab configuration " + part + ": target x has part 'stm32'; the lab models: nrf51822, stm32f103rb, "
                + "gd32vf103cb",
                assertThrows(ProbeException.class, () -> LabConfig.read(part)).getMessage());

        Path wiring = Files.writeString(folder.resolve("wiring.yaml"), String.join("\n",
                "targets:", "  - { name: a, part: nrf51822 }", "probes:", "  - { kind: daplink, serial: S1, target: b }"));
        assertEquals("lab configuration " + wiring + ": probe S1 is wired to unknown target 'b'",
                assertThrows(ProbeException.class, () -> LabConfig.read(wiring)).getMessage());

        Path twice = Files.writeString(folder.resolve("twice.yaml"), String.join("\n",
                "targets:", "  - { name: a, part: nrf51822 }", "probes:", "  - { kind: daplink, serial: S1, target: a }",
                "  - { kind: daplink, serial: S3, target: a }"));
        assertEquals("lab configuration " + twice + ": probe S3 is wired to target 'a', which already has a probe"
                + " (one per target)", assertThrows(ProbeException.class, () -> LabConfig.read(twice)).getMessage());

        Path kind = Files.writeString(folder.resolve("kind.yaml"), String.join("\n",
                "targets:", "  - { name: a, part: nrf51822 }", "probes:", "  - { kind: stlink, serial: S2, target: a }"));
        assertEquals("lab configuration " + kind + ": probe S2 has kind 'stlink'; the lab emulates: daplink, "
                + "cmsis-dap, stlink-v2-1, stlink-v3, stlink-v2, jlink, picoprobe, pemicro",
                assertThrows(ProbeException.class, () -> LabConfig.read(kind)).getMessage());

        Path field = Files.writeString(folder.resolve("field.json"), "{\"targets\": [], \"colour\": 1}");
        String message = assertThrows(ProbeException.class, () -> LabConfig.read(field)).getMessage();
        assertTrue(message.startsWith("lab configuration " + field + ": ") && message.contains("colour"), message);
        assertTrue(!message.contains("\n"), message);
    }
}
