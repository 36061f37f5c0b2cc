package io.probehost.sim.probe.cmsisdap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.probehost.sim.adi.SwjDp;

/** JTAG mode: sequences with TDO capture, chain configuration with bypass padding, IDCODE, DPACC/APACC transfers. */
class JtagCommandsTest {
    private static final String TO_RUN_TEST_IDLE = "14 02 46 00 01 00";

    @Test
    void jtagSequenceCapturesTdoOfTheTapNearestTdo() {
        FakeTap nearTdo = new FakeTap(4, 0x4BA0_0477);
        FakeTap nearTdi = new FakeTap(5, 0x2000_0913);
        try (ProbeHarness h = ProbeHarness.v2(new JtagChain(nearTdi, nearTdo))) {
            assertEquals("02 02", h.exchangeHex("02 02"));
            assertEquals("14 00", h.exchangeHex(TO_RUN_TEST_IDLE));
            assertEquals("14 00 77 04 A0 4B 13 09 00 20",
                    h.exchangeHex("14 03 41 00 02 00 80 FF FF FF FF FF FF FF FF"));
        }
    }

    @Test
    void jtagIdcodeSelectsEachTapWithBypassPaddingAroundIt() {
        FakeTap nearTdo = new FakeTap(4, 0x4BA0_0477);
        FakeTap nearTdi = new FakeTap(5, 0x2000_0913);
        try (ProbeHarness h = ProbeHarness.v2(new JtagChain(nearTdi, nearTdo))) {
            assertEquals("02 02", h.exchangeHex("02 02"));
            assertEquals("14 00", h.exchangeHex(TO_RUN_TEST_IDLE));
            assertEquals("15 00", h.exchangeHex("15 02 04 05"));

            assertEquals("16 00 77 04 A0 4B", h.exchangeHex("16 00"));
            assertEquals(0x1F, nearTdi.instruction());
            assertEquals("16 00 13 09 00 20", h.exchangeHex("16 01"));
            assertEquals(0xF, nearTdo.instruction());
            assertEquals("16 FF", h.exchangeHex("16 02"));
        }
    }

    @Test
    void jtagIdcodeFailsWhenNotInJtagMode() {
        try (ProbeHarness h = ProbeHarness.v2(new FakeTap(4, 0x4BA0_0477))) {
            assertEquals("15 00", h.exchangeHex("15 01 04"));
            assertEquals("16 FF", h.exchangeHex("16 00"));
        }
    }

    @Test
    void jtagConfigureRejectsMoreDevicesThanTheFirmwareHolds() {
        try (ProbeHarness h = ProbeHarness.v2(new FakeTap(4, 0x4BA0_0477))) {
            assertEquals("15 FF", h.exchangeHex("15 09 04 04 04 04 04 04 04 04 04"));
        }
    }

    @Test
    void transferReadsDpidrThroughTheJtagDpAtEitherChainPosition() {
        for (boolean dpNearTdo : new boolean[] {true, false}) {
            FakeMcu mcu = new FakeMcu();
            SwjDp dp = new SwjDp(mcu);
            FakeTap other = new FakeTap(5, 0x2000_0913);
            JtagChain chain = dpNearTdo ? new JtagChain(other, dp) : new JtagChain(dp, other);
            String index = dpNearTdo ? "00" : "01";
            String irLengths = dpNearTdo ? "04 05" : "05 04";
            try (ProbeHarness h = ProbeHarness.v2(chain)) {
                assertEquals("02 02", h.exchangeHex("02 02"));
                assertEquals("14 00", h.exchangeHex(TO_RUN_TEST_IDLE));
                assertEquals("15 00", h.exchangeHex("15 02 " + irLengths));
                assertEquals("16 00 77 14 A0 0B", h.exchangeHex("16 " + index));

                assertEquals("05 01 01 77 14 B1 0B", h.exchangeHex("05 " + index + " 01 02"));
                assertEquals("05 03 01 00 00 00 F0", h.exchangeHex("05 " + index + " 03 08 00 00 00 00 04 00 00 00 50 "
                        + "06 00 00 00 00"));
            }
        }
    }

    @Test
    void transferSwitchesIrToApaccToReadMemoryAndBackToDpaccForRdbuff() {
        FakeMcu mcu = new FakeMcu();
        mcu.ram[4] = 0x1234_5678;
        mcu.ram[5] = 0x9ABC_DEF0;
        SwjDp dp = new SwjDp(mcu);
        try (ProbeHarness h = ProbeHarness.v2(dp)) {
            connectJtagToOneTap(h);
            assertEquals("05 02 01", h.exchangeHex("05 00 02 08 00 00 00 00 04 00 00 00 50"));
            assertEquals("05 04 01 78 56 34 12", h.exchangeHex(
                    "05 00 04 01 12 00 00 23 05 10 00 00 20 0F 00 00 00 00"));
            assertEquals("06 02 00 01 F0 DE BC 9A 00 00 00 00", h.exchangeHex("06 00 02 00 0F"));
        }
    }

    @Test
    void jtagWaitIsReportedWithTheSwdStyleCode() {
        FakeMcu mcu = new FakeMcu();
        SwjDp dp = new SwjDp(mcu);
        try (ProbeHarness h = ProbeHarness.v2(dp)) {
            connectJtagToOneTap(h);
            assertEquals("04 00", h.exchangeHex("04 00 00 00 00 00"));
            dp.injectWaitStorm(5);
            assertEquals("05 00 02", h.exchangeHex("05 00 01 03"));
            assertEquals("08 00", h.exchangeHex("08 00 01 00 00 00"));
        }
    }

    @Test
    void transferBlockWritesMemoryThroughApaccAndConfirmsWithRdbuffThroughDpacc() {
        FakeMcu mcu = new FakeMcu();
        SwjDp dp = new SwjDp(mcu);
        try (ProbeHarness h = ProbeHarness.v2(dp)) {
            connectJtagToOneTap(h);
            assertEquals("05 02 01", h.exchangeHex("05 00 02 08 00 00 00 00 04 00 00 00 50"));
            assertEquals("05 02 01", h.exchangeHex("05 00 02 01 12 00 00 23 05 10 00 00 20"));
            assertEquals("06 02 00 01", h.exchangeHex("06 00 02 00 0D 11 11 11 11 22 22 22 22"));
            assertEquals(0x1111_1111, mcu.ram[4]);
            assertEquals(0x2222_2222, mcu.ram[5]);
        }
    }

    @Test
    void transferBlockPostsDpReadsTooAndCollectsTheLastFromRdbuff() {
        FakeMcu mcu = new FakeMcu();
        SwjDp dp = new SwjDp(mcu);
        try (ProbeHarness h = ProbeHarness.v2(dp)) {
            connectJtagToOneTap(h);
            assertEquals("06 02 00 01 77 14 B1 0B 77 14 B1 0B", h.exchangeHex("06 00 02 00 02"));
        }
    }

    @Test
    void transferBlockAnswersNothingForADapIndexBeyondTheChain() {
        try (ProbeHarness h = ProbeHarness.v2(new SwjDp(new FakeMcu()))) {
            connectJtagToOneTap(h);
            assertEquals("06 00 00 00", h.exchangeHex("06 01 01 00 02"));
        }
    }

    /** DAP_Connect in JTAG mode, the TAPs to Run-Test/Idle, and a chain of one TAP with a 4-bit IR. */
    private static void connectJtagToOneTap(ProbeHarness h) {
        assertEquals("02 02", h.exchangeHex("02 02"));
        assertEquals("14 00", h.exchangeHex(TO_RUN_TEST_IDLE));
        assertEquals("15 00", h.exchangeHex("15 01 04"));
    }
}
