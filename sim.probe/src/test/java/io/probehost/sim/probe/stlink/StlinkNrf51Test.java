package io.probehost.sim.probe.stlink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.probehost.sim.adi.SwjDp;
import io.probehost.sim.adi.WireMode;
import io.probehost.sim.mcu.cpu.CoreRegister;
import io.probehost.sim.mcu.nrf51.Nrf51822;

/**
 * An ST-Link/V2-1 (firmware that talks to any target) in front of the virtual nRF51822: every command
 * becomes SWD traffic on the target's SWJ-DP; request bytes in, answer bytes out, as in the note.
 */
class StlinkNrf51Test {
    private static final int RAM = Nrf51822.RAM_BASE;

    private Nrf51822 mcu;
    private SwjDp dp;
    private StlinkHarness h;

    @BeforeEach
    void connect() {
        mcu = Nrf51822.create(null);
        dp = new SwjDp(mcu, WireMode.JTAG, 0);
        h = new StlinkHarness(StlinkConfig.nucleoF103rb("NRF").withStm32Only(false), dp, mcu.clock());
        assertEquals("80 00", h.exchange("F2 30 A3 00", 2));
    }

    @AfterEach
    void close() {
        h.close();
        mcu.close();
    }

    @Test
    void entersSwdThroughTheSwitchSequenceAndReadsDpidrIdcodesAndTheApIdr() {
        assertEquals(WireMode.SWD, dp.wireMode());
        assertTrue(mcu.isDebugPowered());
        assertEquals("80 00 00 00 77 14 B1 0B", h.exchange("F2 45 FF FF 00 00", 8));
        assertEquals("80 00 00 00 77 14 B1 0B 00 00 00 00", h.exchange("F2 31", 12));
        assertEquals("80 00 00 00 21 00 77 04", h.exchange("F2 45 00 00 FC 00", 8));
        // DP CTRL/STAT: both power-up acknowledges set
        String ctrlStat = h.exchange("F2 45 FF FF 04 00", 8);
        assertTrue(ctrlStat.startsWith("80 00 00 00") && ctrlStat.endsWith("F0"), ctrlStat);
        // AP TAR written through WRITE_DAP_REG, read back
        assertEquals("80 00", h.exchange("F2 46 00 00 04 00 78 56 34 12", 2));
        assertEquals("80 00 00 00 78 56 34 12", h.exchange("F2 45 00 00 04 00", 8));
        assertEquals("80 00", h.exchange("F2 4B 00 00", 2));
        assertEquals("1D 00", h.exchange("F2 4B 01 00", 2)); // the nRF51 has one AP: IDR 0
    }

    @Test
    void writesAndReads32BitWordsWithADataPhaseAndAStatusFromGetLastRwStatus2() {
        h.send("F2 08 00 01 00 20 08 00");
        h.sendData(StlinkHarness.hex("EF BE AD DE 78 56 34 12"));
        assertEquals("80 00 00 00 00 00 00 00 00 00 00 00", h.lastRwStatus());
        assertEquals("EF BE AD DE 78 56 34 12", StlinkHarness.hex(mcu.readRam(RAM + 0x100, 8)));
        assertEquals("EF BE AD DE 78 56 34 12", h.exchange("F2 07 00 01 00 20 08 00", 8));
        assertEquals("80 00", h.exchange("F2 3B", 2));
    }

    @Test
    void eightAndSixteenBitBlocksUseTheByteLanesAndAOneByteReadAnswersTwoBytes() {
        mcu.writeRam(RAM + 0x200, new byte[8]);
        h.send("F2 0D 01 02 00 20 03 00");
        h.sendData(StlinkHarness.hex("11 22 33"));
        h.send("F2 48 06 02 00 20 02 00");
        h.sendData(StlinkHarness.hex("44 55"));
        assertEquals("80 00 00 00 00 00 00 00 00 00 00 00", h.lastRwStatus());
        assertEquals("00 11 22 33 00 00 44 55", StlinkHarness.hex(mcu.readRam(RAM + 0x200, 8)));
        assertEquals("22 33 00 00 44", h.exchange("F2 0C 02 02 00 20 05 00", 5));
        assertEquals("33 00", h.exchange("F2 0C 03 02 00 20 01 00", 2));
        assertEquals("00 00 44 55", h.exchange("F2 47 04 02 00 20 04 00", 4));
        assertEquals("80 00 00 00 00 00 00 00 00 00 00 00", h.lastRwStatus());
    }

    @Test
    void blocksUpTo6144BytesCrossTheOneKilobyteAutoIncrementBoundaries() {
        byte[] data = new byte[6144];
        new Random(9).nextBytes(data);
        h.send("F2 08 00 02 00 20 00 18");
        h.sendData(data);
        assertEquals("80 00 00 00 00 00 00 00 00 00 00 00", h.lastRwStatus());
        assertArrayEquals(data, mcu.readRam(RAM + 0x200, 6144));
        h.send("F2 07 00 02 00 20 00 18");
        assertArrayEquals(data, h.readBytes(6144));
        byte[] half = Arrays.copyOf(h.readBytesAfter("F2 47 00 02 00 20 00 18", 6144), 6144);
        assertArrayEquals(data, half);
        assertArrayEquals(Arrays.copyOf(data, 64), h.readBytesAfter("F2 0C 00 02 00 20 40 00", 64));
    }

    @Test
    void theNoIncrementCommandsHitOneAddressRepeatedly() {
        h.send("F2 50 00 04 00 20 0C 00");
        h.sendData(StlinkHarness.hex("01 00 00 00 02 00 00 00 03 00 00 00"));
        assertEquals("80 00 00 00 00 00 00 00 00 00 00 00", h.lastRwStatus());
        assertEquals("03 00 00 00 00 00 00 00", StlinkHarness.hex(mcu.readRam(RAM + 0x400, 8)));
        assertEquals("03 00 00 00 03 00 00 00", h.exchange("F2 54 00 04 00 20 08 00", 8));
    }

    @Test
    void badLengthsAndAlignmentAreReportedByGetLastRwStatus2WithoutTargetTraffic() {
        long bits = h.probe.link().snapshot().swdBits();
        assertEquals(65, h.readBytesAfter("F2 0C 00 02 00 20 41 00", 65).length);
        assertEquals("08 00 00 00 00 02 00 20 00 00 00 00", h.lastRwStatus());
        h.exchange("F2 07 02 02 00 20 04 00", 4);
        assertEquals("0A 00 00 00 02 02 00 20 00 00 00 00", h.lastRwStatus());
        h.send("F2 08 00 02 00 20 06 00");
        h.sendData(new byte[6]);
        assertEquals("0A 00 00 00 00 02 00 20 00 00 00 00", h.lastRwStatus());
        assertEquals(bits, h.probe.link().snapshot().swdBits(), "refused blocks clock nothing");
    }

    @Test
    void aBusFaultInABlockGivesTheStickyErrorAndTheFaultingAddress() {
        dp.faultRange(RAM + 0x1000, 16);
        h.readBytesAfter("F2 07 F0 0F 00 20 20 00", 32);
        // the posted read of 0x20001000 sets STICKYERR; the next DRW read is answered FAULT
        assertEquals("11 00 00 00 00 10 00 20 00 00 00 00", h.lastRwStatus());
        // the host clears the sticky flags through ABORT, then memory works again
        assertEquals("80 00", h.exchange("F2 46 FF FF 00 00 1E 00 00 00", 2));
        dp.clearFaultRanges();
        h.readBytesAfter("F2 07 F0 0F 00 20 20 00", 32);
        assertEquals("80 00 00 00 00 00 00 00 00 00 00 00", h.lastRwStatus());
    }

    @Test
    void waitIsRetriedInsideTheProbeUntilItsLimitThenAnsweredAsSwdApOrDpWait() {
        dp.injectWaitStorm(10);
        assertEquals("80 00 00 00 21 00 77 04", h.exchange("F2 45 00 00 FC 00", 8));
        dp.injectWaitStorm(70);
        assertEquals("10 00 00 00 00 00 00 00", h.exchange("F2 45 00 00 FC 00", 8));
        assertEquals("80 00 00 00 21 00 77 04", h.exchange("F2 45 00 00 FC 00", 8));
        dp.injectWaitStorm(70);
        assertEquals("14 00 00 00 00 00 00 00", h.exchange("F2 45 FF FF 0C 00", 8));
        assertEquals("80 00 00 00 77 14 B1 0B", h.exchange("F2 45 FF FF 00 00", 8)); // DPIDR is always answered
        assertEquals(6, dp.pendingWaits());
    }

    @Test
    void aSilentTargetFailsTheIdcodeReadAtEnterAndLeavesTheProbeDisconnected() {
        dp.setNoResponse(true);
        assertEquals("09 00", h.exchange("F2 30 A3 00", 2));
        assertEquals("05 00 00 00 00 00 00 00 00 00 00 00", h.exchange("F2 31", 12));
        h.exchange("F2 07 00 00 00 20 04 00", 4);
        assertEquals("05 00 00 00 00 00 00 20 00 00 00 00", h.lastRwStatus());
        dp.setNoResponse(false);
        assertEquals("80 00", h.exchange("F2 30 A3 00", 2));
    }

    @Test
    void haltsStepsAndRunsTheCoreThroughDhcsrAndReadsAndWritesItsRegisters() {
        mcu.writeRam(RAM + 0x300, StlinkHarness.hex("05 20 01 30 FE E7")); // movs r0,#5; adds r0,#1; b .
        assertEquals("80 00", h.exchange("F2 35 F0 ED 00 E0 03 00 5F A0", 2));
        assertEquals("81 00", h.exchange("F2 01", 2));
        assertTrue(mcu.isHalted());
        assertEquals("80 00", h.exchange("F2 34 0F 00 03 00 20", 2));
        assertEquals("80 00", h.exchange("F2 34 10 00 00 00 01", 2));
        assertEquals("80 00", h.exchange("F2 34 00 00 00 00 00", 2));
        assertEquals("80 00 00 00 00 03 00 20", h.exchange("F2 33 0F", 8));
        assertEquals("80 00", h.exchange("F2 0A", 2));
        assertEquals("80 00 00 00 05 00 00 00", h.exchange("F2 33 00", 8));
        assertEquals("80 00", h.exchange("F2 0A", 2));
        assertEquals(6, mcu.readCoreRegister(CoreRegister.R0));
        byte[] all = h.readBytesAfter("F2 3A", 88);
        assertEquals("80 00 00 00 06 00 00 00", StlinkHarness.hex(Arrays.copyOf(all, 8)));
        assertEquals("04 03 00 20", StlinkHarness.hex(Arrays.copyOfRange(all, 4 + 15 * 4, 4 + 16 * 4)));
        assertEquals("80 00", h.exchange("F2 09", 2));
        assertEquals("80 00", h.exchange("F2 01", 2));
        assertFalse(mcu.isHalted());
        assertEquals("80 00", h.exchange("F2 02", 2));
        assertEquals("81 00", h.exchange("F2 01", 2));
        assertEquals(RAM + 0x304, mcu.readCoreRegister(CoreRegister.PC));
        String dhcsr = h.exchange("F2 36 F0 ED 00 E0", 8);
        assertTrue(dhcsr.startsWith("80 00 00 00 03 00 03"), dhcsr); // C_HALT|C_DEBUGEN, S_REGRDY|S_HALT
    }

    @Test
    void drivesNresetLowHighAndPulseAndResetsThroughAircr() {
        assertEquals("80 00", h.exchange("F2 3C 00", 2));
        assertFalse(dp.resetPinHigh());
        assertEquals("80 00", h.exchange("F2 3C 01", 2));
        assertTrue(dp.resetPinHigh());
        assertEquals("80 00", h.exchange("F2 3C 02", 2));
        assertTrue(dp.resetPinHigh());
        assertEquals("08 00", h.exchange("F2 3C 07", 2));
        assertEquals("80 00", h.exchange("F2 32", 2));
    }

    @Test
    void leavingDebugModeStopsApAccessUntilTheNextEnter() {
        h.send("F2 21");
        assertEquals("05 00 00 00 00 00 00 00", h.exchange("F2 45 00 00 FC 00", 8));
        assertEquals("80 00", h.exchange("F2 30 A3 00", 2));
        assertEquals("80 00 00 00 21 00 77 04", h.exchange("F2 45 00 00 FC 00", 8));
    }
}
