package io.probehost.sim.probe.cmsisdap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** DAP_Info, HostStatus, Connect, ResetTarget, SWJ_Pins, SWJ_Clock, Delay, unknown commands and ExecuteCommands. */
class GeneralCommandsTest {

    @Test
    void infoAnswersEveryIdOfAGenericV21ProbeWhenAsked() {
        try (ProbeHarness h = ProbeHarness.v2(new FakeSwdTarget())) {
            assertEquals("00 0E 50 72 6F 62 65 68 6F 73 74 20 4C 61 62 00", h.exchangeHex("00 01"));
            assertEquals("00 08 4C 41 42 30 30 30 31 00", h.exchangeHex("00 03"));
            assertEquals("00 15 4E 6F 72 64 69 63 20 53 65 6D 69 63 6F 6E 64 75 63 74 6F 72 00",
                    h.exchangeHex("00 05"));
            assertEquals("00 0E 6E 52 46 35 31 38 32 32 5F 78 78 41 41 00", h.exchangeHex("00 06"));
            assertEquals("00 04 42 42 43 00", h.exchangeHex("00 07"));
            assertEquals("00 0A 6D 69 63 72 6F 3A 62 69 74 00", h.exchangeHex("00 08"));
            assertEquals("00 06 31 2E 30 2E 30 00", h.exchangeHex("00 09"));
            assertEquals("00 04 40 42 0F 00", h.exchangeHex("00 F1"));
            assertEquals("00 00", h.exchangeHex("00 FD"));
            assertEquals("00 00", h.exchangeHex("00 42"));
        }
    }

    @Test
    void infoOfDapLinkReportsSwdOnlyAndHidPacketSizeOnTheHidInterface() {
        try (ProbeHarness h = ProbeHarness.dapLink(new FakeSwdTarget(), DapTransportKind.V1_HID)) {
            assertEquals("00 04 41 52 4D 00", h.exchangeHex("00 01", 6));
            assertEquals("00 01 31", h.exchangeHex("00 F0", 3));
            assertEquals("00 01 04", h.exchangeHex("00 FE", 3));
            assertEquals("00 02 40 00", h.exchangeHex("00 FF", 4));
            assertEquals("00 06 32 2E 31 2E 30 00", h.exchangeHex("00 04", 8));
            assertEquals("00 05 30 32 35 37 00", h.exchangeHex("00 09", 7));
            assertEquals("00 00", h.exchangeHex("00 05", 2));
            assertEquals("00 31 39 39 30 30", h.exchangeHex("00 03", 6));
        }
    }

    @Test
    void connectAnswersTheInitialisedPortAndZeroForJtagWhenProbeIsSwdOnly() {
        try (ProbeHarness h = ProbeHarness.dapLink(new FakeSwdTarget(), DapTransportKind.V2_BULK)) {
            assertEquals("02 01", h.exchangeHex("02 00"));
            assertEquals("02 00", h.exchangeHex("02 02"));
            assertEquals("02 01", h.exchangeHex("02 01"));
            assertEquals("03 00", h.exchangeHex("03"));
        }
        try (ProbeHarness h = ProbeHarness.v2(new FakeSwdTarget())) {
            assertEquals("02 02", h.exchangeHex("02 02"));
            assertEquals("02 00", h.exchangeHex("02 07"));
        }
    }

    @Test
    void hostStatusAcceptsLedTypesAndRejectsOthers() {
        try (ProbeHarness h = ProbeHarness.v2(new FakeSwdTarget())) {
            assertEquals("01 00", h.exchangeHex("01 00 01"));
            assertEquals("01 00", h.exchangeHex("01 01 00"));
            assertEquals("01 FF", h.exchangeHex("01 02 01"));
        }
    }

    @Test
    void unknownAndVendorCommandsAnswerASingleInvalidByte() {
        try (ProbeHarness h = ProbeHarness.v2(new FakeSwdTarget())) {
            assertEquals("FF", h.exchangeHex("42"));
            assertEquals("FF", h.exchangeHex("80 01 02"));
            assertEquals("FF", h.exchangeHex("17 01"));
            assertEquals("00 01 08", h.exchangeHex("00 FE"));
        }
    }

    @Test
    void executeCommandsRunsConcatenatedRequestsAndParsesOnAfterAnInvalidOne() {
        try (ProbeHarness h = ProbeHarness.v2(new FakeSwdTarget())) {
            assertEquals("7F 02 01 00 00 01 08", h.exchangeHex("7F 02 01 00 01 00 FE"));
            assertEquals("7F 02 FF 00 01 08", h.exchangeHex("7F 02 42 00 FE"));
        }
    }

    @Test
    void resetTargetAnswersExecuteZeroUnlessASequenceIsConfigured() {
        try (ProbeHarness h = ProbeHarness.v2(new FakeSwdTarget())) {
            assertEquals("0A 00 00", h.exchangeHex("0A"));
        }
        List<Boolean> resets = new ArrayList<>();
        CmsisDapConfig config = CmsisDapProbes.genericV21Config("X", "", "", "", "").toBuilder()
                .resetSequence(pins -> {
                    pins.setResetAsserted(true);
                    resets.add(true);
                    pins.setResetAsserted(false);
                }).build();
        FakeSwdTarget target = new FakeSwdTarget();
        try (ProbeHarness h = new ProbeHarness(config, target, DapTransportKind.V2_BULK)) {
            assertEquals("0A 00 01", h.exchangeHex("0A"));
            assertEquals(List.of(true), resets);
            assertFalse(target.resetAsserted);
        }
    }

    @Test
    void swjPinsDrivesNresetAndReadsItBack() {
        FakeSwdTarget target = new FakeSwdTarget();
        try (ProbeHarness h = ProbeHarness.v2(target)) {
            assertEquals("02 01", h.exchangeHex("02 01"));
            assertEquals("10 2F", h.exchangeHex("10 00 80 00 00 00 00"));
            assertTrue(target.resetAsserted);
            assertEquals("10 AF", h.exchangeHex("10 80 80 00 00 00 00"));
            assertFalse(target.resetAsserted);
        }
    }

    @Test
    void swjPinsWaitCostsModelledTimeWhenPinNeverReachesTheLevel() {
        FakeSwdTarget target = new FakeSwdTarget() {
            @Override
            public boolean resetPinHigh() {
                return false;
            }
        };
        try (ProbeHarness h = ProbeHarness.v2(target)) {
            long before = h.probe.link().snapshot().modelledNanos();
            assertEquals("10 2F", h.exchangeHex("10 80 80 E8 03 00 00"));
            assertEquals(125_000 + 1_000_000, h.probe.link().snapshot().modelledNanos() - before);
        }
    }

    @Test
    void swjClockRejectsZeroAndCapsAtTheProbeMaximum() {
        try (ProbeHarness h = ProbeHarness.v2(new FakeSwdTarget())) {
            assertEquals("11 FF", h.exchangeHex("11 00 00 00 00"));
            assertEquals("11 00", h.exchangeHex("11 00 09 3D 00"));
            assertEquals(4_000_000, h.probe.swjClockHz());
            assertEquals("11 00", h.exchangeHex("11 00 E1 F5 05"));
            assertEquals(10_000_000, h.probe.swjClockHz());
        }
    }

    @Test
    void delayAdvancesTheTargetClockByItsMicroseconds() {
        try (ProbeHarness h = ProbeHarness.v2(new FakeSwdTarget())) {
            long before = h.clock.nowNanos();
            assertEquals("09 00", h.exchangeHex("09 E8 03"));
            assertEquals(1_000_000 + 125_000, h.clock.nowNanos() - before);
        }
    }

    @Test
    void swjSequenceClocksLsbFirstAndZeroCountMeans256Bits() {
        FakeSwdTarget target = new FakeSwdTarget();
        try (ProbeHarness h = ProbeHarness.v2(target)) {
            assertEquals("02 01", h.exchangeHex("02 01"));
            assertEquals("12 00", h.exchangeHex("12 10 9E E7"));
            assertEquals(List.of(false, true, true, true, true, false, false, true, true, true, true, false, false,
                    true, true, true), target.hostBits);
            assertEquals("12 00", h.exchangeHex("12 00" + " 00".repeat(32)));
            assertEquals(16 + 256, target.swdCycles);
        }
    }
}
