package io.probehost.flash.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.probehost.api.probe.ProbeDescription;

class FlashAllTest {
    private static final ProbeDescription DAPLINK = probe("cmsisdap", "9900AAAA", "nrf51822_xxaa");
    private static final ProbeDescription NUCLEO = probe("stlink", "0670FF01", "stm32f103rb");
    private static final ProbeDescription JLINK = probe("jlink", "000261000003", "");
    private static final List<ProbeDescription> LISTED = List.of(DAPLINK, NUCLEO, JLINK);

    private static ProbeDescription probe(String driver, String uid, String target) {
        return new ProbeDescription(driver, uid, "", driver, "", "", target, "lab:1");
    }

    @Test
    void withoutATargetEveryProbeThatReportsOneMatches() {
        assertEquals(List.of(DAPLINK, NUCLEO), FlashAll.matching(LISTED, Optional.empty(), Optional.empty()));
    }

    @Test
    void aTargetMatchesTheProbesReportingItAndThoseReportingNone() {
        assertEquals(List.of(DAPLINK, JLINK), FlashAll.matching(LISTED, Optional.empty(), Optional.of("NRF51822_xxAA")));
    }

    @Test
    void aUidKeepsTheProbesWhoseIdContainsIt() {
        assertEquals(List.of(NUCLEO), FlashAll.matching(LISTED, Optional.of("ff01"), Optional.empty()));
    }

    @Test
    void theTableHasOneRowPerProbeAndTheTotalsCountTheSuccesses() {
        List<FlashAll.Outcome> outcomes = List.of(
                new FlashAll.Outcome(DAPLINK, "nrf51822_xxaa", true, "ok", 2048, 2_000_000_000L),
                new FlashAll.Outcome(NUCLEO, "stm32f103rb", false, "image does not fit", 0, 1_000_000_000L));
        String table = FlashAll.table(outcomes);
        assertTrue(table.lines().anyMatch(l -> l.matches("\\s*9900AAAA\\s+nrf51822_xxaa\\s+ok\\s+2048\\s+2\\.00\\s+1\\.0")),
                table);
        assertTrue(table.lines().anyMatch(l -> l.matches("\\s*0670FF01\\s+stm32f103rb\\s+image does not fit\\s+0\\s+1\\.00\\s+-")),
                table);
        String totals = FlashAll.totals(outcomes, 4_000_000_000L, 2_000_000_000L);
        assertTrue(totals.startsWith("Programmed 1 of 2 probes in 4.00 s wall (0.5 KB/s together; CPU 2.00 s, "), totals);
    }
}
