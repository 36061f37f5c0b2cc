package io.probehost.sim.adi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The STM32F1 chain: TDI -> boundary-scan TAP (IR 5) -> Cortex-M3 JTAG-DP (IR 4) -> TDO. */
class Stm32f1JtagChainTest {
    private static final int DP_BYPASS = 0xF;
    private static final int DP_DPACC = 0xA;
    private static final int BS_BYPASS = 0x1F;
    private final FakeMcu mcu = new FakeMcu();
    private final SwjDp dp = new SwjDp(mcu, SwjIdentity.STM32F1, WireMode.JTAG, 0);
    private final JtagHost jtag = new JtagHost(dp);

    @BeforeEach
    void reset() {
        jtag.resetToIdle();
    }

    @Test
    void idcodesLeaveTdoCortexM3FirstThenBoundaryScanAfterReset() {
        long ids = jtag.drScan(0, 64);
        assertEquals(0x3BA0_0477, (int) ids);
        assertEquals(0x0641_0041, (int) (ids >>> 32));
    }

    @Test
    void irCaptureOfTheChainIsBothCapturePatternsInNineBits() {
        assertEquals(0b00001_0001, jtag.irScan(0x1FF, 9));
    }

    @Test
    void bothTapsInBypassGiveTwoZeroBits() {
        jtag.irScan(BS_BYPASS << 4 | DP_BYPASS, 9);
        assertEquals(0b100, jtag.drScan(0b111, 3), "two bypass zeros, then our first 1");
    }

    @Test
    void dpAccessWorksThroughTheBoundaryScanTapInBypass() {
        jtag.irScan(BS_BYPASS << 4 | DP_DPACC, 9);
        long readDp0 = 1; // A[3:2] = 0, RnW
        jtag.drScan(readDp0, 36);
        long captured = jtag.drScan(readDp0, 36);
        assertEquals(0b010, JtagHost.ack(captured), "OK");
        assertEquals(0x1BA0_1477, (int) (captured >>> 3), "the read result of the previous DPACC");
        assertEquals(0, (captured >>> 35) & 1, "the boundary-scan bypass bit follows the DP's 35 bits");
    }

    @Test
    void swdReadsTheCortexM3Dpidr() {
        SwjDp swd = new SwjDp(mcu, SwjIdentity.STM32F1, WireMode.SWD, 0);
        SwdHost host = new SwdHost(swd);
        host.lineReset();
        assertEquals(0x1BA0_1477, host.readDp(0));
    }
}
