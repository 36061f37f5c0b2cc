package io.probehost.sim.probe.cmsisdap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.probehost.sim.mcu.VirtualClock;

class LinkModelTest {
    private final VirtualClock clock = new VirtualClock();
    private final LinkModel link = new LinkModel(LinkTiming.DEFAULT, clock);

    @Test
    void wireTimeCarriesFractionsOfANanosecondAcrossTransactionsWhenClockIsNotADivisor() {
        for (int i = 0; i < 3; i++) {
            link.wireCycles(false, 1, 3_000_000);
        }
        assertEquals(1_000, link.snapshot().modelledNanos());
        assertEquals(1_000, clock.nowNanos());
    }

    @Test
    void roundTripsChargeTheLatencyOfTheirTransport() {
        link.roundTrip(DapTransportKind.V1_HID);
        link.roundTrip(DapTransportKind.V2_BULK);
        link.wireCycles(true, 10, 1_000_000);
        link.bytesOut(64);
        link.bytesIn(5);

        assertEquals(new LinkStats(2, 64, 5, 0, 10, 1_135_000), link.snapshot());
        assertEquals(10, link.snapshot().wireBits());
    }

    @Test
    void resetZeroesTheCountersButNotTheTargetClock() {
        link.roundTrip(DapTransportKind.V2_BULK);
        link.reset();

        assertEquals(new LinkStats(0, 0, 0, 0, 0, 0), link.snapshot());
        assertEquals(125_000, clock.nowNanos());
    }
}
