package io.probehost.sim.probe.stlink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.probehost.sim.adi.SwjDp;
import io.probehost.sim.adi.WireMode;
import io.probehost.sim.mcu.nrf51.Nrf51822;

/** The same commands over JTAG (enter 0xA4): JTAG-DP scans on the SWJ-DP, switched there from SWD. */
class StlinkJtagTest {
    private static final int RAM = Nrf51822.RAM_BASE;

    private Nrf51822 mcu;
    private SwjDp dp;
    private StlinkHarness h;

    @BeforeEach
    void connect() {
        mcu = Nrf51822.create(null);
        dp = new SwjDp(mcu, WireMode.SWD, 0);
        h = new StlinkHarness(StlinkConfig.v2("JTAG", 37), dp, mcu.clock());
        assertEquals("80 00", h.exchange("F2 30 A4 00", 2));
    }

    @AfterEach
    void close() {
        h.close();
        mcu.close();
    }

    @Test
    void entersJtagThroughTheSwitchSequenceAndReadsTheTapIdcode() {
        assertEquals(WireMode.JTAG, dp.wireMode());
        assertTrue(mcu.isDebugPowered());
        assertEquals("80 00 00 00 77 14 A0 0B 00 00 00 00", h.exchange("F2 31", 12));
        assertEquals("80 00 00 00 21 00 77 04", h.exchange("F2 45 00 00 FC 00", 8));
        assertEquals("80 00", h.exchange("F2 46 00 00 04 00 44 33 22 11", 2));
        assertEquals("80 00 00 00 44 33 22 11", h.exchange("F2 45 00 00 04 00", 8));
        assertEquals(0, h.probe.link().snapshot().swdBits());
        assertTrue(h.probe.link().snapshot().jtagBits() > 0);
    }

    @Test
    void memoryBlocksAndABusFaultSeenThroughCtrlStat() {
        byte[] data = new byte[2048];
        new Random(4).nextBytes(data);
        h.send("F2 08 00 03 00 20 00 08");
        h.sendData(data);
        assertEquals("80 00 00 00 00 00 00 00 00 00 00 00", h.lastRwStatus());
        assertArrayEquals(data, mcu.readRam(RAM + 0x300, 2048));
        assertArrayEquals(data, h.readBytesAfter("F2 07 00 03 00 20 00 08", 2048));
        dp.faultRange(RAM + 0x3000, 4);
        h.readBytesAfter("F2 07 00 30 00 20 04 00", 4);
        assertEquals("19 00 00 00 00 30 00 20 00 00 00 00", h.lastRwStatus());
        // JTAG: sticky flags are cleared by writing them to CTRL/STAT
        assertEquals("80 00", h.exchange("F2 46 FF FF 04 00 32 00 00 50", 2));
        dp.clearFaultRanges();
        assertEquals(4, h.readBytesAfter("F2 07 00 30 00 20 04 00", 4).length);
        assertEquals("80 00 00 00 00 00 00 00 00 00 00 00", h.lastRwStatus());
    }

    @Test
    void theJtagClockFollowsTheDivisorTable() {
        long before = h.probe.link().snapshot().modelledNanos();
        h.exchange("F2 31", 12);
        long at1125 = h.probe.link().snapshot().modelledNanos() - before;
        assertEquals("80 00", h.exchange("F2 44 04 00", 2));
        assertEquals(9000, h.probe.jtagKhz());
        before = h.probe.link().snapshot().modelledNanos();
        h.exchange("F2 31", 12);
        long at9000 = h.probe.link().snapshot().modelledNanos() - before;
        assertTrue(at9000 < at1125, at9000 + " vs " + at1125);
    }

    @Test
    void anUnknownEnterModeIsACommandError() {
        assertEquals("08 00", h.exchange("F2 30 A5 00", 2));
    }
}
