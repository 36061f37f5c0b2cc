package io.probehost.driver.stlink.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.probehost.api.probe.WireProtocol;

class ClockTest {
    private static final String V3_FOUR_FREQUENCIES =
            "80 00 00 00 c0 5d 00 00 04 00 00 00 c0 5d 00 00 40 1f 00 00 e4 0c 00 00 e8 03 00 00";

    @Test
    void connectingSetsTheV2ClockThenEntersSwdAndOpensApZero() {
        ScriptedTransport transport = new ScriptedTransport().reply(2, "80 00").reply(2, "80 00").reply(2, "80 00");
        StlinkProbe probe = TestProbes.probe(transport, TestProbes.v2(37));
        probe.connect(WireProtocol.SWD);
        assertEquals(List.of("f2 43 01", "f2 30 a3", "f2 4b"), transport.written);
    }

    @Test
    void jtagEntersWithA4AndUsesTheJtagDivisors() {
        ScriptedTransport transport = new ScriptedTransport().reply(2, "80 00").reply(2, "80 00").reply(2, "80 00")
                .reply(2, "80 00");
        StlinkProbe probe = TestProbes.probe(transport, TestProbes.v2(37));
        probe.connect(WireProtocol.JTAG);
        assertEquals(4_500_000, probe.setClockHz(5_000_000));
        assertEquals(List.of("f2 44 20", "f2 30 a4", "f2 4b", "f2 44 08"), transport.written);
    }

    @Test
    void v2SwdClockIsTheFastestTableEntryNotAboveTheRequest() {
        ScriptedTransport transport = new ScriptedTransport().reply(2, "80 00").reply(2, "80 00");
        StlinkProbe probe = TestProbes.probe(transport, TestProbes.v2(37));
        assertEquals(950_000, probe.setClockHz(1_000_000));
        assertEquals(5_000, probe.setClockHz(1_000));
        assertEquals(List.of("f2 43 03", "f2 43 1e 03"), transport.written);
    }

    @Test
    void v3ClockIsChosenFromTheListTheProbeGives() {
        ScriptedTransport transport = new ScriptedTransport().reply(52, V3_FOUR_FREQUENCIES)
                .reply(8, "80 00 00 00 e4 0c 00 00");
        StlinkProbe probe = TestProbes.probe(transport, TestProbes.v3(7));
        assertEquals(3_300_000, probe.setClockHz(4_000_000));
        assertEquals(List.of("f2 62", "f2 61 00 00 e4 0c"), transport.written);
    }

    @Test
    void v3FrequencyListIsDecodedFastestFirst() {
        ScriptedTransport transport = new ScriptedTransport().reply(52, V3_FOUR_FREQUENCIES);
        List<Integer> offered = TestProbes.channel(transport, TestProbes.v3(7)).execute(new GetComFreqRequest(true));
        assertEquals(List.of(24000, 8000, 3300, 1000), offered);
        assertEquals(List.of("f2 62 01"), transport.written);
    }

    @Test
    void tableChoiceTakesTheSlowestEntryWhenAllAreTooFast() {
        assertEquals(new ClockTables.Entry(140, 256), ClockTables.choose(ClockTables.V2_JTAG, 10_000));
        assertEquals(new ClockTables.Entry(4000, 0), ClockTables.choose(ClockTables.V2_SWD, 50_000_000));
    }
}
