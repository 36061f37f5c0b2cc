package io.probehost.sim.probe.cmsisdap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** DAP commands in SWD mode, golden request bytes in, golden response bytes out, transactions checked on the wire. */
class SwdCommandsTest {
    private static final String LINE_RESET = "12 33 FF FF FF FF FF FF 07";

    private final FakeSwdTarget target = new FakeSwdTarget();
    private final ProbeHarness h = ProbeHarness.v2(target);

    @AfterEach
    void close() {
        h.close();
    }

    private void connectSwd() {
        assertEquals("02 01", h.exchangeHex("02 01"));
        assertEquals("04 00", h.exchangeHex("04 02 96 00 00 00"));
        assertEquals("12 00", h.exchangeHex(LINE_RESET));
        assertEquals("12 00", h.exchangeHex("12 10 9E E7"));
        assertEquals("12 00", h.exchangeHex(LINE_RESET));
        assertEquals("12 00", h.exchangeHex("12 08 00"));
    }

    @Test
    void pyOcdConnectSequenceReadsDpidrAndPowersUpWhenTargetAnswers() {
        assertEquals("00 01 08", h.exchangeHex("00 FE"));
        assertEquals("00 02 00 02", h.exchangeHex("00 FF"));
        assertEquals("00 01 33", h.exchangeHex("00 F0"));
        assertEquals("00 06 32 2E 31 2E 31 00", h.exchangeHex("00 04"));
        assertEquals("02 01", h.exchangeHex("02 01"));
        assertEquals("11 00", h.exchangeHex("11 40 42 0F 00"));
        assertEquals("04 00", h.exchangeHex("04 02 96 00 00 00"));
        assertEquals("13 00", h.exchangeHex("13 00"));
        assertEquals("12 00", h.exchangeHex(LINE_RESET));
        assertEquals("12 00", h.exchangeHex("12 10 9E E7"));
        assertEquals("12 00", h.exchangeHex(LINE_RESET));
        assertEquals("12 00", h.exchangeHex("12 08 00"));

        assertEquals("05 01 01 77 14 B1 0B", h.exchangeHex("05 00 01 02"));
        assertEquals("05 05 01", h.exchangeHex(
                "05 00 05 00 1E 00 00 00 08 00 00 00 00 04 00 00 00 50 20 00 00 00 A0 16 00 00 00 A0"));

        assertEquals(List.of("R DP 0", "W DP 0 0000001E", "W DP 8 00000000", "W DP 4 50000000", "R DP 4"), target.log);
        assertEquals(2, target.lineResets);
    }

    @Test
    void apReadsArePostedAndCollectedByTheNextReadWhenSeveralAreQueued() {
        connectSwd();
        target.apReadValues.add(0x1111_1111);
        target.apReadValues.add(0x2222_2222);

        assertEquals("05 02 01 11 11 11 11 22 22 22 22", h.exchangeHex("05 00 02 0F 0F"));
        assertEquals(List.of("R AP C", "R AP C", "R DP C"), target.log);
    }

    @Test
    void dpReadAfterApReadCollectsThePostedReadThroughRdbuff() {
        connectSwd();
        target.apReadValues.add(0xCAFE_F00D);

        assertEquals("05 02 01 0D F0 FE CA 77 14 B1 0B", h.exchangeHex("05 00 02 0F 02"));
        assertEquals(List.of("R AP C", "R DP C", "R DP 0"), target.log);
    }

    @Test
    void lastWriteIsConfirmedByRdbuffReadWhenPacketEndsWithWrite() {
        connectSwd();

        assertEquals("05 01 01", h.exchangeHex("05 00 01 05 78 56 34 12"));
        assertEquals(List.of("W AP 4 12345678", "R DP C"), target.log);
    }

    @Test
    void waitIsRetriedWaitRetryTimesThenReportedWhenTargetStaysBusy() {
        connectSwd();
        assertEquals("04 00", h.exchangeHex("04 00 02 00 00 00"));
        for (int i = 0; i < 5; i++) {
            target.ackScript.add(FakeSwdTarget.WAIT);
        }

        assertEquals("05 00 02", h.exchangeHex("05 00 01 02"));
        assertEquals(List.of("R DP 0 WAIT", "R DP 0 WAIT", "R DP 0 WAIT"), target.log);
    }

    @Test
    void waitThenOkCompletesWhenRetriesSuffice() {
        connectSwd();
        target.ackScript.add(FakeSwdTarget.WAIT);

        assertEquals("05 01 01 77 14 B1 0B", h.exchangeHex("05 00 01 02"));
        assertEquals(List.of("R DP 0 WAIT", "R DP 0"), target.log);
    }

    @Test
    void transferAbortEndsAWaitLoopThatIsStillRunning() throws Exception {
        connectSwd();
        assertEquals("04 00", h.exchangeHex("04 00 FF FF 00 00"));
        CountDownLatch looping = new CountDownLatch(1);
        CountDownLatch aborted = new CountDownLatch(1);
        target.beforeEachTransaction = () -> {
            target.ackScript.add(FakeSwdTarget.WAIT);
            if (target.log.size() == 10) {
                looping.countDown();
                try {
                    aborted.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        h.send(ProbeHarness.hex("05 00 02 02 02"));
        assertTrue(looping.await(10, TimeUnit.SECONDS));
        h.send(ProbeHarness.hex("07"));
        aborted.countDown();

        assertEquals("05 00 02", ProbeHarness.hex(h.receive(5000)));
        assertEquals(11, target.log.size());
    }

    @Test
    void faultStopsThePacketAndSkipsTheRemainingRequestsWhenTargetAnswersFault() {
        connectSwd();
        target.ackScript.add(FakeSwdTarget.FAULT);

        assertEquals("05 00 04", h.exchangeHex("05 00 02 05 00 00 00 20 0F"));
        assertEquals(List.of("W AP 4 FAULT"), target.log);
        assertEquals("05 01 01 77 14 B1 0B", h.exchangeHex("05 00 01 02"));
    }

    @Test
    void noAckIsSevenWhenNoTargetDrivesTheLine() {
        connectSwd();
        target.silent = true;

        assertEquals("05 00 07", h.exchangeHex("05 00 01 02"));
    }

    @Test
    void valueMatchReadRetriesMatchRetryTimesAndFlagsMismatchWhenValueNeverMatches() {
        connectSwd();
        assertEquals("04 00", h.exchangeHex("04 00 64 00 03 00"));
        target.powerAcks = false;
        target.ctrlStat = 0x5000_0000;

        assertEquals("05 01 11", h.exchangeHex("05 00 02 20 00 00 00 A0 16 00 00 00 A0"));
        assertEquals(List.of("R DP 4", "R DP 4", "R DP 4", "R DP 4"), target.log);

        target.powerAcks = true;
        assertEquals("05 02 01", h.exchangeHex("05 00 02 20 00 00 00 A0 16 00 00 00 A0"));
    }

    @Test
    void valueMatchOnApReadPostsFirstThenComparesCollectedValues() {
        connectSwd();
        assertEquals("04 00", h.exchangeHex("04 00 64 00 05 00"));
        target.apReadValues.add(0);
        target.apReadValues.add(0);
        target.apReadValues.add(0x0003_0000);

        assertEquals("05 02 01", h.exchangeHex("05 00 02 20 00 00 03 00 1F 00 00 03 00"));
        assertEquals(List.of("R AP C", "R AP C", "R AP C", "R AP C"), target.log);
    }

    @Test
    void transferBlockReadsPostedWordsAndCollectsTheLastFromRdbuff() {
        connectSwd();
        target.apReadValues.add(0xA);
        target.apReadValues.add(0xB);
        target.apReadValues.add(0xC);

        assertEquals("06 03 00 01 0A 00 00 00 0B 00 00 00 0C 00 00 00", h.exchangeHex("06 00 03 00 0F"));
        assertEquals(List.of("R AP C", "R AP C", "R AP C", "R DP C"), target.log);
    }

    @Test
    void transferBlockWritesEveryWordAndConfirmsWithRdbuff() {
        connectSwd();

        assertEquals("06 02 00 01", h.exchangeHex("06 00 02 00 0D 01 00 00 00 02 00 00 00"));
        assertEquals(List.of("W AP C 00000001", "W AP C 00000002", "R DP C"), target.log);
    }

    @Test
    void transferBlockStopsAtWaitExhaustionWithExecutedCount() {
        connectSwd();
        assertEquals("04 00", h.exchangeHex("04 00 00 00 00 00"));
        target.ackScript.add(FakeSwdTarget.OK);
        target.ackScript.add(FakeSwdTarget.WAIT);

        assertEquals("06 01 00 02", h.exchangeHex("06 00 03 00 0D 01 00 00 00 02 00 00 00 03 00 00 00"));
    }

    @Test
    void timestampPrecedesDataAndCountsModelledMicrosecondsWhenRequested() {
        connectSwd();
        long before = h.clock.nowNanos();

        byte[] response = h.exchange("05 00 01 82");

        // 125 us bulk round trip, then 46 SWCLK cycles at 1 MHz up to the end of the data phase.
        long expected = (before + 125_000 + 46_000) / 1000;
        assertEquals(11, response.length);
        assertEquals("05 01 01", ProbeHarness.hex(Arrays.copyOf(response, 3)));
        assertEquals((int) expected, ByteBuffer.wrap(response, 3, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
        assertEquals("77 14 B1 0B", ProbeHarness.hex(Arrays.copyOfRange(response, 7, 11)));
    }

    @Test
    void transferIsDummyWhenNoPortIsConnected() {
        assertEquals("05 00 00", h.exchangeHex("05 00 02 02 05 00 00 00 00"));
        assertEquals("06 00 00 00", h.exchangeHex("06 00 01 00 0F"));
        assertTrue(target.log.isEmpty());
        assertEquals(0, target.swdCycles);
    }

    @Test
    void writeAbortClocksADpAbortWriteWithoutRdbuffCheck() {
        connectSwd();

        assertEquals("08 00", h.exchangeHex("08 00 1E 00 00 00"));
        assertEquals(List.of("W DP 0 0000001E"), target.log);
    }

    @Test
    void swdSequenceWritesTargetselAndCapturesTheIgnoredAckWhenPyOcdSelectsMultidropTarget() {
        connectSwd();

        assertEquals("1D 00 13", h.exchangeHex("1D 04 08 99 85 21 27 29 00 01 00 02 00"));
        assertEquals(List.of("W DP C 01002927"), target.log);
    }

    @Test
    void swdConfigureTurnaroundAddsCyclesAroundAck() {
        connectSwd();
        int cycles = target.swdCycles;
        assertEquals("05 01 01 77 14 B1 0B", h.exchangeHex("05 00 01 02"));
        int oneCycleTurnaround = target.swdCycles - cycles;

        assertEquals("13 00", h.exchangeHex("13 01"));
        target.turnaround = 2;
        cycles = target.swdCycles;
        assertEquals("05 01 01 77 14 B1 0B", h.exchangeHex("05 00 01 02"));

        assertEquals(8 + 1 + 3 + 33 + 1 + 2, oneCycleTurnaround);
        assertEquals(oneCycleTurnaround + 2, target.swdCycles - cycles);
    }
}
