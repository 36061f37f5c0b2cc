package io.probehost.sim.adi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SwdProtocolTest {
    private final FakeMcu mcu = new FakeMcu();
    private final SwjDp dp = new SwjDp(mcu);
    private final SwdHost host = new SwdHost(dp);

    private static void addBits(List<Boolean> bits, long value, int count) {
        for (int i = 0; i < count; i++) {
            bits.add(((value >>> i) & 1) != 0);
        }
    }

    @Test
    void dpidrReadIsBitExactWhenSentAsRequestByte0xA5AfterSwitchFromJtag() {
        host.switchFromJtag();
        assertEquals(WireMode.SWD, dp.wireMode());
        assertEquals(0xA5, SwdHost.request(false, true, 0x0));

        host.send(0xA5, 8);
        host.receive(1 + 3 + 32 + 1 + 1);

        List<Boolean> expected = new ArrayList<>();
        addBits(expected, 1, 1); // turnaround: nobody drives, pull-up
        addBits(expected, 0b001, 3); // ACK OK, bit 0 first
        addBits(expected, 0x0BB11477L, 32);
        addBits(expected, Integer.bitCount(0x0BB11477) & 1, 1);
        addBits(expected, 1, 1); // turnaround back to the host
        assertEquals(expected, host.sampled);
    }

    /** The request bytes of the reference notes' table: DP write, DP read, AP write, AP read at A = 0, 4, 8, C. */
    private static final int[][] NOTES_REQUEST_BYTES = {
        {0x81, 0xA9, 0xB1, 0x99}, {0xA5, 0x8D, 0x95, 0xBD}, {0xA3, 0x8B, 0x93, 0xBB}, {0x87, 0xAF, 0xB7, 0x9F}};

    @Test
    void everyRequestByteOfTheNotesIsAcceptedAndIgnoredWhenItsParityIsFlipped() {
        host.connect();
        for (int kind = 0; kind < 4; kind++) {
            for (int a = 0; a < 4; a++) {
                int request = NOTES_REQUEST_BYTES[kind][a];
                boolean ap = kind >= 2;
                boolean read = kind % 2 == 1;
                assertEquals(request, SwdHost.request(ap, read, 4 * a));
                int data = !ap && a == 2 ? 0 : FakeMcu.RAM_BASE; // keeps APSEL 0 and TAR in RAM
                int ack = read ? host.read(ap, 4 * a).ack() : host.write(ap, 4 * a, data);
                assertEquals(Ack.OK.swdCode(), ack, String.format("request 0x%02X", request));

                host.send(request ^ 0x20, 8);
                assertEquals(0b1111, host.receive(4), String.format("request 0x%02X with bad parity", request));
                host.lineReset();
            }
        }
    }

    @Test
    void targetDoesNotAnswerWhenStillInJtagMode() {
        host.lineReset();
        assertEquals(0b111, host.read(false, 0x0).ack());
        assertEquals(WireMode.JTAG, dp.wireMode());
    }

    @Test
    void requestGetsNoResponseUntilLineResetWhenItsParityIsWrong() {
        host.switchFromJtag();
        host.send(0xA5 ^ 0x20, 8); // DPIDR read with the parity bit flipped
        assertEquals(0b111, host.receive(4) >>> 1);
        host.zeros(8);
        assertEquals(0b111, host.read(false, 0x0).ack(), "locked out: a good request is ignored too");

        host.lineReset();
        assertEquals(SwjDp.SW_DPIDR, host.readDp(0x0));
    }

    @Test
    void requestGetsNoResponseUntilLineResetWhenItsStopBitIsSet() {
        host.switchFromJtag();
        host.send(0xA5 | 0x40, 8);
        assertEquals(0b111, host.receive(4) >>> 1);
        host.zeros(4);
        assertEquals(0b111, host.read(false, 0x0).ack());
        host.lineReset();
        assertEquals(SwjDp.SW_DPIDR, host.readDp(0x0));
    }

    @Test
    void lockoutEndsWhenFiftyOnesAreSentButNotWhenFortyNine() {
        host.switchFromJtag();
        host.send(0xA5 ^ 0x20, 8);
        host.receive(4);
        host.zeros(2);
        host.ones(49);
        host.zeros(2);
        assertEquals(0b111, host.read(false, 0x0).ack());
        host.ones(50);
        host.zeros(2);
        assertEquals(Ack.OK.swdCode(), host.read(false, 0x0).ack());
    }

    @Test
    void lineResetIsRecognisedWhenTheHostDrivesOnesOverAReadResponse() {
        host.switchFromJtag();
        host.send(0xA5, 8); // DPIDR read: the target drives ACK and data ...
        host.ones(60); // ... while a confused host sends a line reset over it
        host.zeros(2);
        assertEquals(SwjDp.SW_DPIDR, host.readDp(0x0));
    }

    @Test
    void powerUpIsAcknowledgedWhenTheMcuPowersDebug() {
        host.switchFromJtag();
        host.readDp(0x0);
        host.writeDp(0x4, 0x5000_0000);
        assertTrue(mcu.debugPowerRequested);
        assertEquals(0xF000_0000, host.readDp(0x4) & 0xF000_0000);
        host.writeDp(0x4, 0);
        assertEquals(0, host.readDp(0x4) & 0xF000_0000);
        assertTrue(!mcu.debugPowerRequested);
    }

    @Test
    void apReadReturnsPreviousApReadAndRdbuffTheLastWhenReadsArePosted() {
        mcu.ram.putInt(0, 0x1111_1111);
        mcu.ram.putInt(4, 0x2222_2222);
        host.connect();
        host.writeAp(0x00, 0x2300_0012); // 32-bit, single increment
        host.writeAp(0x04, FakeMcu.RAM_BASE);
        host.read(true, 0x0C); // returns stale data
        assertEquals(0x1111_1111, host.read(true, 0x0C).data());
        assertEquals(0x2222_2222, host.readDp(0xC));
        assertEquals(0x2222_2222, host.readDp(0xC), "RDBUFF has no side effect");
        assertEquals(0x2222_2222, host.readDp(0x8), "RESEND repeats the last read result");
    }

    @Test
    void apIdrAndBaseComeFromBank15WhenApbankselIs0xF() {
        host.connect();
        host.writeDp(0x8, 0x0000_00F0);
        assertEquals(MemAp.CORTEX_M0_AHB_AP_IDR, host.readAp(0xC));
        assertEquals(FakeMcu.ROM_TABLE_BASE, host.readAp(0x8));
        assertEquals(0, host.readAp(0x4), "CFG: little-endian, 32-bit");
    }

    @Test
    void idrReadsZeroWhenApselHasNoAp() {
        host.connect();
        host.writeDp(0x8, 0x0100_00F0); // APSEL 1
        assertEquals(0, host.readAp(0xC));
    }

    @Test
    void transfersAnswerWaitWhileAWaitStormLastsExceptDpidrAndAbort() {
        host.connect();
        dp.injectWaitStorm(2);
        assertEquals(Ack.WAIT.swdCode(), host.write(true, 0x04, FakeMcu.RAM_BASE));
        assertEquals(SwjDp.SW_DPIDR, host.readDp(0x0), "DPIDR is answered while the AP is busy");
        assertEquals(Ack.WAIT.swdCode(), host.write(true, 0x04, FakeMcu.RAM_BASE));
        assertEquals(Ack.OK.swdCode(), host.write(true, 0x04, FakeMcu.RAM_BASE));

        dp.injectWaitStorm(100);
        assertEquals(Ack.WAIT.swdCode(), host.read(true, 0x04).ack());
        host.writeDp(0x0, 0x1); // DAPABORT
        assertEquals(FakeMcu.RAM_BASE, host.readAp(0x04));
    }

    @Test
    void apAccessesAnswerFaultWhenABusFaultSetStickyErrUntilAbortClearsIt() {
        host.connect();
        dp.faultRange(FakeMcu.RAM_BASE + 0x100, 4);
        host.writeAp(0x00, 0x2300_0002);
        host.writeAp(0x04, FakeMcu.RAM_BASE + 0x100);
        assertEquals(Ack.OK.swdCode(), host.read(true, 0x0C).ack(), "the faulting read itself is posted");
        assertEquals(Ack.FAULT.swdCode(), host.read(false, 0xC).ack(), "RDBUFF reports the fault");
        assertEquals(Ack.FAULT.swdCode(), host.write(true, 0x04, FakeMcu.RAM_BASE));
        int ctrlStat = host.readDp(0x4);
        assertEquals(DebugPort.STICKYERR, ctrlStat & DebugPort.STICKYERR);
        assertEquals(0, ctrlStat & DebugPort.READOK);

        host.writeDp(0x0, DebugPort.ABORT_STKERRCLR);
        assertEquals(0, host.readDp(0x4) & DebugPort.STICKYERR);
        host.writeAp(0x04, FakeMcu.RAM_BASE);
        assertEquals(0, host.readAp(0x0C));
    }

    @Test
    void writeIsDroppedAndWdataerrSetWhenWriteDataParityIsWrong() {
        host.connect();
        host.writeAp(0x04, FakeMcu.RAM_BASE);
        int ack = host.write(true, 0x04, FakeMcu.RAM_BASE + 8, 1 ^ (Integer.bitCount(FakeMcu.RAM_BASE + 8) & 1));
        assertEquals(Ack.OK.swdCode(), ack, "ACK precedes the data phase");
        assertEquals(DebugPort.WDATAERR, host.readDp(0x4) & DebugPort.WDATAERR);
        assertEquals(Ack.FAULT.swdCode(), host.read(true, 0x04).ack());

        host.writeDp(0x0, DebugPort.ABORT_WDERRCLR);
        assertEquals(FakeMcu.RAM_BASE, host.readAp(0x04), "the bad write never reached TAR");
    }

    @Test
    void waitHasDataPhaseAndSetsStickyOrunWhenOrundetectIsOn() {
        host.connect();
        host.writeDp(0x4, 0x5000_0001);
        dp.injectWaitStorm(1);
        host.send(SwdHost.request(true, true, 0x04), 8);
        host.receive(1);
        assertEquals(Ack.WAIT.swdCode(), host.receive(3));
        assertEquals(0, host.receive(33), "data phase present, all zeros");
        host.receive(1);
        host.zeros(2);
        assertEquals(DebugPort.STICKYORUN, host.readDp(0x4) & DebugPort.STICKYORUN);
        host.send(SwdHost.request(true, true, 0x04), 8);
        host.receive(1);
        assertEquals(Ack.FAULT.swdCode(), host.receive(3));
        host.receive(33 + 1);
        host.zeros(2);
        host.writeDp(0x0, DebugPort.ABORT_ORUNERRCLR);
        assertEquals(0, host.readDp(0x4) & DebugPort.STICKYORUN);
    }

    @Test
    void turnaroundTakesTwoCyclesWhenDlcrTurnroundIsOne() {
        host.connect();
        host.writeDp(0x8, 0x1); // DPBANKSEL 1: DLCR
        host.writeDp(0x4, 1 << 8); // TURNROUND = 2 cycles
        host.turnaround = 2;
        assertEquals(0x140, host.readDp(0x4), "WIREMODE synchronous, TURNROUND 1");
        host.writeDp(0x8, 0x0);
        assertEquals(SwjDp.SW_DPIDR, host.readDp(0x0));
    }

    @Test
    void ackReadsAllOnesWhenNoResponseIsInjected() {
        host.connect();
        dp.setNoResponse(true);
        assertEquals(0b111, host.read(false, 0x0).ack());
        host.lineReset();
        assertEquals(0b111, host.read(false, 0x0).ack());
        dp.setNoResponse(false);
        host.lineReset();
        assertEquals(SwjDp.SW_DPIDR, host.readDp(0x0));
    }

    @Test
    void resetPinFollowsTheProbeWhenDriven() {
        dp.setResetAsserted(true);
        assertTrue(mcu.resetAsserted);
        assertTrue(!dp.resetPinHigh());
        dp.setResetAsserted(false);
        assertTrue(dp.resetPinHigh());
    }

    @Test
    void eachCycleAdvancesTheVirtualClockWhenConfigured() {
        SwjDp timed = new SwjDp(mcu, WireMode.SWD, 1000);
        new SwdHost(timed).lineReset();
        assertEquals(64_000, mcu.clock.nowNanos());
    }
}
