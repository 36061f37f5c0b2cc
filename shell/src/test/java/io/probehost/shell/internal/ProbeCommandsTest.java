package io.probehost.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.probehost.api.host.ProbeListing;
import io.probehost.api.host.TargetRegistry;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.target.TargetDescription;

class ProbeCommandsTest {
    private static final TargetDescription NRF51 =
            new TargetDescription("nrf51822_xxaa", "Nordic", "nRF51", List.of(), List.of(), List.of(), "");

    private final TargetRegistry targets = new TargetRegistry() {
        @Override
        public List<PackInfo> packs() {
            return List.of();
        }

        @Override
        public List<TargetDescription> targets() {
            return List.of(NRF51);
        }

        @Override
        public Optional<TargetDescription> find(String name) {
            return name.equalsIgnoreCase(NRF51.name()) ? Optional.of(NRF51) : Optional.empty();
        }
    };

    private final ProbeCommands commands = new ProbeCommands(null, targets);

    @Test
    void tableLooksLikePyocdListWithBoardLineAndTargetMarks() {
        var probes = List.of(
                new ProbeDescription("cmsisdap", "9900ABCD", "ARM", "DAPLink CMSIS-DAP", "BBC", "micro:bit",
                        "nrf51822_xxaa", "lab:1"),
                new ProbeDescription("cmsisdap", "0240XYZ", "ARM", "DAPLink CMSIS-DAP", "", "", "k64f", "lab:2"),
                new ProbeDescription("cmsisdap", "ABC", "Acme", "Probe", "", "", "", "lab:3"));
        String expected = String.join("\n",
                "  #   Probe/Board             Unique ID   Target",
                "----------------------------------------------------------",
                "  0   ARM DAPLink CMSIS-DAP   9900ABCD    \u2714\uFE0E nrf51822_xxaa",
                "      BBC micro:bit",
                "  1   ARM DAPLink CMSIS-DAP   0240XYZ     \u2716\uFE0E k64f",
                "  2   Acme Probe              ABC         n/a",
                "");
        assertEquals(expected, commands.format(new ProbeListing(probes, List.of())));
    }

    @Test
    void noProbesGivesThePyocdMessage() {
        assertEquals("No available debug probes are connected",
                commands.format(new ProbeListing(List.of(), List.of())));
    }

    @Test
    void aFailingDriverShowsItsErrorAndTheOthersStillList() {
        var probes = List.of(new ProbeDescription("cmsisdap", "9900ABCD", "ARM", "DAPLink", "", "", "", ""));
        String table = commands.format(new ProbeListing(probes,
                List.of(new ProbeListing.DriverError("stlink", "USB bus on fire"))));
        assertEquals(String.join("\n",
                "  #   Probe/Board     Unique ID                Target",
                "-----------------------------------------------------",
                "  0   ARM DAPLink     9900ABCD                 n/a",
                "  !   driver stlink   error: USB bus on fire",
                ""), table);
    }
}
