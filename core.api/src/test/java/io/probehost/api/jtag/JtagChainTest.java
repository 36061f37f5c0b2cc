package io.probehost.api.jtag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.probehost.api.ProtocolException;
import io.probehost.api.probe.JtagSequencer;

class JtagChainTest {
    private static final int DP_IDCODE = 0x0BA0_1477;
    private static final int BOUNDARY_IDCODE = 0x0641_4041;

    private final FakeTapChain fake = new FakeTapChain(new FakeTapChain.Tap(4, DP_IDCODE),
            new FakeTapChain.Tap(5, 0), new FakeTapChain.Tap(5, BOUNDARY_IDCODE));

    @Test
    void idcodeScanListsEveryTapNearestTdoFirstWithBypassOnlyTapsAsZero() {
        assertEquals(List.of(DP_IDCODE, 0, BOUNDARY_IDCODE), JtagChain.readIdcodes(fake));
        assertTrue(fake.inIdle(), "ends in Run-Test/Idle");
    }

    @Test
    void irScanLoadsOneTapAndBypassIntoTheOthers() {
        JtagChain chain = new JtagChain(fake, List.of(4, 5, 5));
        chain.resetToIdle();
        assertEquals(0b01, chain.scanIr(1, FakeTapChain.DATA), "the IR capture value of that TAP");
        assertEquals(0xF, fake.taps.get(0).instruction);
        assertEquals(FakeTapChain.DATA, fake.taps.get(1).instruction);
        assertEquals(0x1F, fake.taps.get(2).instruction);
        assertTrue(fake.inIdle());
    }

    @Test
    void drScanReadsTheCaptureAndUpdatesOnlyTheChosenTap() {
        for (int tap = 0; tap < 3; tap++) {
            FakeTapChain chain3 = new FakeTapChain(new FakeTapChain.Tap(4, DP_IDCODE),
                    new FakeTapChain.Tap(5, 0), new FakeTapChain.Tap(5, BOUNDARY_IDCODE));
            JtagChain chain = new JtagChain(chain3, List.of(4, 5, 5));
            chain.resetToIdle();
            chain.scanIr(tap, FakeTapChain.DATA);
            assertEquals(FakeTapChain.DATA_CAPTURE, chain.scanDr(tap, 0x1234, 16, 0), "tap " + tap);
            for (int other = 0; other < 3; other++) {
                assertEquals(other == tap ? 0x1234 : -1, chain3.taps.get(other).updated, "tap " + other);
            }
            assertTrue(chain3.inIdle());
        }
    }

    @Test
    void drScanOfTheIdcodeRegisterReturnsIt() {
        JtagChain chain = new JtagChain(fake, List.of(4, 5, 5));
        chain.resetToIdle();
        assertEquals(DP_IDCODE, chain.scanDr(0, 0, 32, 0), "TAP 0 after reset, whatever the others hold");
        chain.scanIr(2, FakeTapChain.IDCODE);
        assertEquals(BOUNDARY_IDCODE & 0xFFFF_FFFFL, chain.scanDr(2, 0, 32, 0));
    }

    @Test
    void aBatchGoesOutInOneShiftAndReturnsEachDrCapture() {
        int[] shifts = {0};
        JtagChain chain = new JtagChain((bits, tms, tdi) -> {
            shifts[0]++;
            return fake.shift(bits, tms, tdi);
        }, List.of(4, 5, 5));
        chain.resetToIdle();
        shifts[0] = 0;
        JtagChain.Batch batch = chain.batch(1).ir(FakeTapChain.DATA).dr(0x1111, 16, 2).dr(0x2222, 16, 0);
        assertEquals(2, batch.drCount());
        long[] captured = batch.run();
        assertEquals(1, shifts[0]);
        assertEquals(List.of(FakeTapChain.DATA_CAPTURE, FakeTapChain.DATA_CAPTURE), List.of(captured[0], captured[1]));
        assertEquals(0x2222, fake.taps.get(1).updated, "the last DR scan updated last");
        assertTrue(fake.inIdle());
    }

    @Test
    void idleCyclesStayInRunTestIdle() {
        JtagChain chain = new JtagChain(fake, List.of(4, 5, 5));
        chain.resetToIdle();
        int before = fake.cycles;
        chain.idle(8);
        assertEquals(before + 8, fake.cycles);
        assertTrue(fake.inIdle());
    }

    @Test
    void detectMeasuresTheIrAndGivesTheOneUnknownTapTheRest() {
        FakeTapChain two = new FakeTapChain(new FakeTapChain.Tap(4, DP_IDCODE), new FakeTapChain.Tap(5, BOUNDARY_IDCODE));
        assertEquals(9, JtagChain.measureIrLength(two));
        JtagChain chain = JtagChain.detect(two, id -> id == DP_IDCODE ? 4 : 0);
        assertEquals(List.of(DP_IDCODE, BOUNDARY_IDCODE), chain.idcodes());
        assertEquals(4, chain.irLength(0));
        assertEquals(5, chain.irLength(1));
        assertTrue(two.inIdle());
    }

    @Test
    void detectRefusesTwoUnknownTapsAndAWrongKnownLength() {
        ProtocolException twoUnknown = assertThrows(ProtocolException.class, () -> JtagChain.detect(fake, id -> 0));
        assertTrue(twoUnknown.getMessage().contains("more than one"), twoUnknown.getMessage());
        ProtocolException wrong = assertThrows(ProtocolException.class, () -> JtagChain.detect(fake, id -> 4));
        assertTrue(wrong.getMessage().contains("measure 14 bits"), wrong.getMessage());
    }

    @Test
    void aChainWithNothingOnTdoIsAnError() {
        JtagSequencer stuckLow = (bits, tms, tdi) -> new byte[(bits + 7) / 8];
        ProtocolException stuck = assertThrows(ProtocolException.class, () -> JtagChain.readIdcodes(stuckLow));
        assertTrue(stuck.getMessage().contains("TDO stuck low"), stuck.getMessage());
    }

    @Test
    void badTapsAndLengthsAreRefused() {
        JtagChain chain = new JtagChain(fake, List.of(4, 5, 5));
        assertThrows(IllegalArgumentException.class, () -> chain.scanIr(3, 0));
        assertThrows(IllegalArgumentException.class, () -> chain.scanDr(0, 0, 65, 0));
        assertThrows(IllegalArgumentException.class, () -> new JtagChain(fake, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new JtagChain(fake, List.of(1)));
    }
}
