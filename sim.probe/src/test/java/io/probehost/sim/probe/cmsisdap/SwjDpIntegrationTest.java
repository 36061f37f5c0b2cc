package io.probehost.sim.probe.cmsisdap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.probehost.sim.adi.SwjDp;
import io.probehost.sim.adi.WireMode;

/**
 * The DAPLink emulator in front of the real SWJ-DP (sim.adi) of a RAM-only MCU, driven as pyOCD
 * connects over SWD: JTAG-to-SWD switch, DPIDR, power-up, memory reads and writes through the AHB-AP.
 */
class SwjDpIntegrationTest {

    private static void connect(ProbeHarness h) {
        assertEquals("02 01", h.exchangeHex("02 01", 2));
        assertEquals("11 00", h.exchangeHex("11 00 09 3D 00", 2));
        assertEquals("04 00", h.exchangeHex("04 02 96 00 00 00", 2));
        assertEquals("13 00", h.exchangeHex("13 00", 2));
        assertEquals("12 00", h.exchangeHex("12 33 FF FF FF FF FF FF 07", 2));
        assertEquals("12 00", h.exchangeHex("12 10 9E E7", 2));
        assertEquals("12 00", h.exchangeHex("12 33 FF FF FF FF FF FF 07", 2));
        assertEquals("12 00", h.exchangeHex("12 08 00", 2));
        assertEquals("05 01 01 77 14 B1 0B", h.exchangeHex("05 00 01 02", 7));
        assertEquals("05 05 01", h.exchangeHex(
                "05 00 05 00 1E 00 00 00 08 00 00 00 00 04 00 00 00 50 20 00 00 00 A0 16 00 00 00 A0", 3));
    }

    @ParameterizedTest
    @EnumSource(DapTransportKind.class)
    void dapLinkReadsDpidrAndRamWordOfTheVirtualTargetOverEitherTransport(DapTransportKind kind) {
        FakeMcu mcu = new FakeMcu();
        mcu.ram[0x40] = 0xDEAD_BEEF;
        SwjDp dp = new SwjDp(mcu);
        try (ProbeHarness h = ProbeHarness.dapLink(dp, kind)) {
            connect(h);
            assertEquals(WireMode.SWD, dp.wireMode());
            assertTrue(mcu.isDebugPowered());

            // SELECT AP 0 bank 0, CSW = 32-bit single increment, TAR = 0x2000_0100, read DRW
            assertEquals("05 04 01 EF BE AD DE", h.exchangeHex(
                    "05 00 04 08 00 00 00 00 01 12 00 00 23 05 00 01 00 20 0F", 7));
        }
    }

    @ParameterizedTest
    @EnumSource(DapTransportKind.class)
    void transferBlockWritesAndReadsBackRamThroughTheAhbAp(DapTransportKind kind) {
        FakeMcu mcu = new FakeMcu();
        SwjDp dp = new SwjDp(mcu);
        try (ProbeHarness h = ProbeHarness.dapLink(dp, kind)) {
            connect(h);
            assertEquals("05 03 01", h.exchangeHex("05 00 03 08 00 00 00 00 01 12 00 00 23 05 00 02 00 20", 3));
            assertEquals("06 03 00 01", h.exchangeHex("06 00 03 00 0D 11 11 11 11 22 22 22 22 33 33 33 33", 4));
            assertEquals(0x2222_2222, mcu.ram[0x81]);

            assertEquals("05 01 01", h.exchangeHex("05 00 01 05 00 02 00 20", 3));
            assertEquals("06 03 00 01 11 11 11 11 22 22 22 22 33 33 33 33", h.exchangeHex("06 00 03 00 0F", 16));
        }
    }

    @ParameterizedTest
    @EnumSource(DapTransportKind.class)
    void busFaultAnswersFaultAndStickyErrorIsClearedByAbort(DapTransportKind kind) {
        FakeMcu mcu = new FakeMcu();
        SwjDp dp = new SwjDp(mcu);
        try (ProbeHarness h = ProbeHarness.dapLink(dp, kind)) {
            connect(h);
            // TAR = 0x1000_0000 (unmapped), read DRW twice: the bus error makes an access answer FAULT
            String response = h.exchangeHex("05 00 05 08 00 00 00 00 01 12 00 00 23 05 00 00 00 10 0F 0F", 3);
            assertTrue(response.endsWith("04"), response);
            assertEquals("08 00", h.exchangeHex("08 00 1E 00 00 00", 2));
            assertEquals("05 01 01 77 14 B1 0B", h.exchangeHex("05 00 01 02", 7));
        }
    }

    @ParameterizedTest
    @EnumSource(DapTransportKind.class)
    void linkModelChargesRoundTripsAndWireTimeToTheTargetClock(DapTransportKind kind) {
        FakeMcu mcu = new FakeMcu();
        SwjDp dp = new SwjDp(mcu);
        try (ProbeHarness h = ProbeHarness.dapLink(dp, kind)) {
            connect(h);
            h.probe.link().reset();
            long before = h.clock.nowNanos();

            h.exchangeHex("05 00 01 02");

            LinkStats stats = h.probe.link().snapshot();
            long latency = kind == DapTransportKind.V1_HID ? 1_000_000 : 125_000;
            // 46 cycles of the DPIDR read + 2 idle cycles, at 4 MHz
            assertEquals(new LinkStats(1, kind == DapTransportKind.V1_HID ? 64 : 4,
                    kind == DapTransportKind.V1_HID ? 64 : 7, 48, 0, latency + 12_000), stats);
            assertEquals(stats.modelledNanos(), h.clock.nowNanos() - before);
        }
    }
}
