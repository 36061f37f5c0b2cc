package io.probehost.sim.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProbeBenchCommandsTest {

    @Test
    void theHeadingNamesTheClockTheProbeRunsAt() {
        assertEquals("4000000 Hz", ProbeBenchCommands.clock("4M", 10_000_000));
        assertEquals("10000000 Hz (24000000 Hz asked; the probe's maximum)",
                ProbeBenchCommands.clock("24000000", 10_000_000));
        assertEquals("the session's clock (option frequency)", ProbeBenchCommands.clock(null, 10_000_000));
    }
}
