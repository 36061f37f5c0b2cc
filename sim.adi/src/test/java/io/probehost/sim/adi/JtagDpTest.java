package io.probehost.sim.adi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JtagDpTest {
    private static final int OK = 0b010;
    private static final int WAIT = 0b001;
    private final FakeMcu mcu = new FakeMcu();
    private final SwjDp dp = new SwjDp(mcu);
    private final JtagHost jtag = new JtagHost(dp);

    @BeforeEach
    void reset() {
        jtag.resetToIdle();
    }

    private int readDp(int address) {
        jtag.irScan(0xA);
        jtag.access(true, address, 0);
        return JtagHost.data(jtag.access(true, 0xC, 0));
    }

    private void writeDp(int address, int value) {
        jtag.irScan(0xA);
        jtag.access(false, address, value);
    }

    @Test
    void irCaptureEndsInBinary01WhenScanned() {
        assertEquals(0b0001, jtag.irScan(0xE));
    }

    @Test
    void drHoldsCortexM0JtagDpIdcodeWhenIdcodeIsSelected() {
        jtag.irScan(0xF);
        jtag.irScan(0xE);
        assertEquals(0x0BA0_1477, (int) jtag.drScan(0xFFFF_FFFFL, 32));
    }

    @Test
    void drIsOneZeroBitWhenBypassIsSelected() {
        jtag.irScan(0xF);
        assertEquals(0b10, jtag.drScan(0b11, 2), "a 0 from BYPASS then our own 1 delayed by one bit");
    }

    @Test
    void bypassIsSelectedWhenTheInstructionIsUnimplemented() {
        jtag.irScan(0x3);
        assertEquals(0, jtag.drScan(1, 1));
    }

    @Test
    void idcodeIsSelectedWhenNtrstPulses() {
        jtag.irScan(0xF);
        dp.jtagReset();
        jtag.resetToIdle();
        assertEquals(SwjDp.JTAG_IDCODE, (int) jtag.drScan(0, 32));
    }

    @Test
    void readResultArrivesInTheNextScanWhenDpaccReads() {
        jtag.irScan(0xA);
        jtag.access(true, 0x0, 0);
        long captured = jtag.access(true, 0xC, 0);
        assertEquals(OK, JtagHost.ack(captured));
        assertEquals(SwjDp.SW_DPIDR, JtagHost.data(captured));
    }

    @Test
    void powerUpIsAcknowledgedWhenRequestedOverJtag() {
        writeDp(0x4, 0x5000_0000);
        assertEquals(0xF000_0000, readDp(0x4) & 0xF000_0000);
    }

    @Test
    void selectReadsBackWhenReadOverJtag() {
        writeDp(0x8, 0x0000_00F0);
        assertEquals(0xF0, readDp(0x8));
    }

    @Test
    void memoryIsWrittenAndReadWhenApaccAccessesDrw() {
        writeDp(0x4, 0x5000_0000);
        writeDp(0x8, 0);
        jtag.irScan(0xB);
        jtag.access(false, 0x0, 0x2300_0012);
        jtag.access(false, 0x4, FakeMcu.RAM_BASE + 0x40);
        jtag.access(false, 0xC, 0xCAFE_F00D);
        jtag.access(false, 0xC, 0x1234_5678);
        jtag.access(false, 0x4, FakeMcu.RAM_BASE + 0x40);
        jtag.access(true, 0xC, 0);
        long first = jtag.access(true, 0xC, 0);
        jtag.irScan(0xA);
        long second = jtag.access(true, 0xC, 0);
        assertEquals(0xCAFE_F00D, JtagHost.data(first));
        assertEquals(0x1234_5678, JtagHost.data(second));
        assertEquals(0x1234_5678, mcu.ram.getInt(0x44));
    }

    @Test
    void ackIs001AndTheRequestDroppedWhenAWaitStormLasts() {
        dp.injectWaitStorm(1);
        jtag.irScan(0xA);
        long captured = jtag.access(false, 0x8, 0xF0);
        assertEquals(WAIT, JtagHost.ack(captured));
        assertEquals(0, readDp(0x8), "the SELECT write in the WAIT scan was dropped");
        writeDp(0x8, 0xF0);
        assertEquals(0xF0, readDp(0x8));
    }

    @Test
    void stickyErrClearsWhenCtrlStatIsWrittenWithOneOverJtag() {
        writeDp(0x4, 0x5000_0000);
        dp.faultRange(FakeMcu.RAM_BASE, 0x10);
        jtag.irScan(0xB);
        jtag.access(false, 0x4, FakeMcu.RAM_BASE);
        jtag.access(true, 0xC, 0);
        assertEquals(DebugPort.STICKYERR, readDp(0x4) & DebugPort.STICKYERR);

        jtag.irScan(0xB);
        jtag.access(false, 0x4, FakeMcu.RAM_BASE + 0x20);
        writeDp(0x4, 0x5000_0000 | DebugPort.STICKYERR);
        assertEquals(0, readDp(0x4) & DebugPort.STICKYERR);
        jtag.irScan(0xB);
        jtag.access(true, 0x4, 0);
        jtag.irScan(0xA);
        assertEquals(FakeMcu.RAM_BASE, JtagHost.data(jtag.access(true, 0xC, 0)),
                "the TAR write made while STICKYERR was set was dropped");
    }

    @Test
    void waitStormEndsWhenAbortInstructionWritesDapabort() {
        dp.injectWaitStorm(50);
        jtag.irScan(0x8);
        jtag.access(false, 0, 1);
        jtag.irScan(0xA);
        assertEquals(OK, JtagHost.ack(jtag.access(true, 0x0, 0)));
    }

    @Test
    void tdoStaysHighWhenNoResponseIsInjected() {
        dp.setNoResponse(true);
        jtag.irScan(0xF);
        assertEquals(1, jtag.drScan(0, 1));
    }
}
