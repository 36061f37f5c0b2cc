package io.probehost.sim.adi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SwjSequenceTest {
    private static final byte[] ALERT = {
        (byte) 0x92, (byte) 0xF3, 0x09, 0x62, (byte) 0x95, 0x2D, (byte) 0x85, (byte) 0x86,
        (byte) 0xE9, (byte) 0xAF, (byte) 0xDD, (byte) 0xE3, (byte) 0xA2, 0x0E, (byte) 0xBC, 0x19};

    private final FakeMcu mcu = new FakeMcu();

    private static void selectionAlert(SwdHost host) {
        host.ones(8);
        for (byte b : ALERT) {
            host.send(b & 0xFF, 8);
        }
        host.zeros(4);
    }

    @Test
    void idcodeIsSelectedWhenPoweredUpInJtag() {
        SwjDp dp = new SwjDp(mcu);
        assertEquals(WireMode.JTAG, dp.wireMode());
        JtagHost jtag = new JtagHost(dp);
        jtag.resetToIdle();
        assertEquals(SwjDp.JTAG_IDCODE, (int) jtag.drScan(0, 32));
    }

    @Test
    void jtagToSwdSwitchesOnlyWhenFiftyOnesPrecedeIt() {
        SwjDp dp = new SwjDp(mcu);
        SwdHost host = new SwdHost(dp);
        host.ones(49);
        host.send(0xE79E, 16);
        assertEquals(WireMode.JTAG, dp.wireMode());
        host.ones(50);
        host.send(0xE79E, 16);
        assertEquals(WireMode.SWD, dp.wireMode());
    }

    @Test
    void tapIsInTestLogicResetWhenSwitchedFromSwdToJtag() {
        SwjDp dp = new SwjDp(mcu);
        SwdHost host = new SwdHost(dp);
        host.connect();
        host.ones(56);
        host.send(0xE73C, 16);
        host.ones(5);
        assertEquals(WireMode.JTAG, dp.wireMode());
        JtagHost jtag = new JtagHost(dp);
        dp.jtagClock(false, true); // Test-Logic-Reset -> Run-Test/Idle
        assertEquals(SwjDp.JTAG_IDCODE, (int) jtag.drScan(0, 32));
    }

    @Test
    void jtagToSwdSwitchesWhenClockedThroughTms() {
        SwjDp dp = new SwjDp(mcu);
        for (int i = 0; i < 60; i++) {
            dp.jtagClock(true, true);
        }
        for (int i = 0; i < 16; i++) {
            dp.jtagClock(((0xE79E >>> i) & 1) != 0, true);
        }
        assertEquals(WireMode.SWD, dp.wireMode());
    }

    @Test
    void swdWakesFromDormantWhenSelectionAlertAndActivationCode0x1AArrive() {
        SwjDp dp = new SwjDp(mcu);
        SwdHost host = new SwdHost(dp);
        host.connect();
        host.ones(56);
        host.send(0xE3BC, 16);
        assertEquals(WireMode.DORMANT, dp.wireMode());
        host.lineReset();
        assertEquals(0b111, host.read(false, 0x0).ack(), "dormant: nothing answers");

        selectionAlert(host);
        host.send(0x1A, 8);
        assertEquals(WireMode.SWD, dp.wireMode());
        host.lineReset();
        assertEquals(SwjDp.SW_DPIDR, host.readDp(0x0));
    }

    @Test
    void jtagWakesFromDormantWhenActivationCodeIs0x0A() {
        SwjDp dp = new SwjDp(mcu);
        SwdHost host = new SwdHost(dp);
        host.ones(5);
        host.send(0x33BB_BBBAL, 31);
        assertEquals(WireMode.DORMANT, dp.wireMode());
        selectionAlert(host);
        host.send(0x0A, 8);
        assertEquals(WireMode.JTAG, dp.wireMode());
    }

    @Test
    void jtagWakesFromDormantWhenActivationCodeIsTwelveZeros() {
        SwjDp dp = new SwjDp(mcu, WireMode.DORMANT, 0);
        SwdHost host = new SwdHost(dp);
        selectionAlert(host);
        host.zeros(11);
        assertEquals(WireMode.DORMANT, dp.wireMode());
        host.zeros(1);
        assertEquals(WireMode.JTAG, dp.wireMode());
    }

    @Test
    void targetStaysDormantWhenSelectionAlertIsCorrupted() {
        SwjDp dp = new SwjDp(mcu, WireMode.DORMANT, 0);
        SwdHost host = new SwdHost(dp);
        host.ones(8);
        for (int i = 0; i < ALERT.length; i++) {
            host.send((ALERT[i] & 0xFF) ^ (i == 7 ? 0x10 : 0), 8);
        }
        host.zeros(4);
        host.send(0x1A, 8);
        assertEquals(WireMode.DORMANT, dp.wireMode());
    }

    @Test
    void dpidrAnswersAfterLineResetWhenPoweredUpInSwd() {
        SwjDp dp = new SwjDp(mcu, WireMode.SWD, 0);
        SwdHost host = new SwdHost(dp);
        host.lineReset();
        assertEquals(SwjDp.SW_DPIDR, host.readDp(0x0));
    }
}
