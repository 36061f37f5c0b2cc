package io.probehost.sim.probe.stlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.probehost.sim.adi.SwjDp;
import io.probehost.sim.adi.WireMode;
import io.probehost.sim.mcu.nrf51.Nrf51822;

/** The note's typical SWD session (§8), packet by packet, on a Nucleo ST-Link and on an STLINK-V3. */
class StlinkSessionTest {

    @Test
    void aNucleoSessionFromVersionToExitAgainstAnStm32LookingTarget() {
        try (Nrf51822 nrf = Nrf51822.create(null)) {
            FakeStm32IdcodeMcu mcu = new FakeStm32IdcodeMcu(nrf, 0x2003_6410);
            nrf.writeRam(Nrf51822.RAM_BASE, new byte[] {(byte) 0xAA, (byte) 0xBB, (byte) 0xCC, (byte) 0xDD});
            try (StlinkHarness h = new StlinkHarness(StlinkConfig.nucleoF103rb("066DFF485457725187092515"),
                    new SwjDp(mcu, WireMode.JTAG, 0), mcu.clock())) {
                assertEquals("29 5A 83 04 4B 37", h.exchange("F1", 6));
                assertEquals("D1 05 00 00 FF 07 00 00", h.exchange("F7", 8));
                assertEquals("01 00", h.exchange("F5", 2));
                assertEquals("80 00", h.exchange("F2 43 01 00", 2));
                assertEquals("80 00", h.exchange("F2 30 A3 00", 2));
                assertEquals("80 00", h.exchange("F2 4B 00 00", 2));
                assertEquals("80 00 00 00 77 14 B1 0B", h.exchange("F2 45 FF FF 00 00", 8));
                assertEquals("AA BB CC DD", h.exchange("F2 07 00 00 00 20 04 00 00 00 00 A2", 4));
                assertEquals("80 00 00 00 00 00 00 00 00 00 00 00", h.lastRwStatus());
                assertEquals("80 00", h.exchange("F2 4C 00", 2));
                h.send("F2 21");
                assertEquals("01 00", h.exchange("F5", 2));
            }
        }
    }

    @Test
    void debugRegisterCommandsMoveOneWordAnywhereWithTheStatusInTheReply() {
        try (Nrf51822 mcu = Nrf51822.create(null)) {
            SwjDp dp = new SwjDp(mcu, WireMode.SWD, 0);
            StlinkHarness h = new StlinkHarness(StlinkConfig.stlinkV3("003A00123456789012345678").withStm32Only(false),
                    dp, mcu.clock());
            assertEquals("80 00", h.exchange("F2 30 A3 00", 2));
            assertEquals("80 00", h.exchange("F2 35 10 00 00 20 78 56 34 12", 2));
            assertEquals("78 56 34 12", StlinkHarness.hex(mcu.readRam(Nrf51822.RAM_BASE + 0x10, 4)));
            assertEquals("80 00 00 00 78 56 34 12", h.exchange("F2 36 10 00 00 20", 8));
            dp.faultRange(Nrf51822.RAM_BASE + 0x100, 4);
            assertEquals("19 00", h.exchange("F2 35 00 01 00 20 01 00 00 00", 2), "a posted write faults as a sticky error");
            assertEquals("80 00", h.exchange("F2 46 FF FF 00 00 1E 00 00 00", 2));
            assertEquals("15 00 00 00 00 00 00 00", h.exchange("F2 36 00 01 00 20", 8), "a faulting read: a memory fault code, no value");
            h.close();
        }
    }

    @Test
    void aV3SessionSetsItsClockFromTheListAndMoves512ByteBlocks() {
        try (Nrf51822 mcu = Nrf51822.create(null);
                StlinkHarness h = new StlinkHarness(StlinkConfig.stlinkV3("003A00123456789012345678").withStm32Only(false),
                        new SwjDp(mcu, WireMode.SWD, 0), mcu.clock())) {
            assertEquals("30 00 83 04 4F 37", h.exchange("F1", 6));
            assertEquals("03 00 07 03 02 00 00 00 83 04 4F 37", h.exchange("FB", 12));
            assertEquals(52, h.readBytesAfter("F2 62 00", 52).length);
            assertEquals("80 00 00 00 40 1F 00 00", h.exchange("F2 61 00 00 40 1F 00 00", 8)); // 8000 kHz
            assertEquals("80 00", h.exchange("F2 30 A3 00", 2));
            byte[] block = new byte[512];
            for (int i = 0; i < block.length; i++) {
                block[i] = (byte) i;
            }
            h.send("F2 0D 00 00 00 20 00 02");
            h.sendData(block);
            assertEquals("80 00 00 00 00 00 00 00 00 00 00 00", h.lastRwStatus());
            assertEquals(StlinkHarness.hex(block), StlinkHarness.hex(mcu.readRam(Nrf51822.RAM_BASE, 512)));
            assertEquals(StlinkHarness.hex(block), StlinkHarness.hex(h.readBytesAfter("F2 0C 00 00 00 20 00 02", 512)));
            assertEquals("80 00 00 00 00 00 00 00 00 00 00 00", h.lastRwStatus());
        }
    }

    @Test
    void unpluggingIsAPowerLossThatReturnsTheFirmwareToMassStorageMode() {
        try (Nrf51822 mcu = Nrf51822.create(null);
                StlinkHarness h = new StlinkHarness(StlinkConfig.v2("S", 37), new SwjDp(mcu, WireMode.SWD, 0),
                        mcu.clock())) {
            assertEquals("80 00", h.exchange("F2 30 A3 00", 2));
            assertEquals("80 00", h.exchange("F2 43 07 00", 2));
            assertTrue(h.bus.detach(h.probe));
            assertEquals(1800, h.probe.swdKhz());
            var info = h.bus.attach(h.probe);
            try (var device = h.bus.open(info)) {
                device.claimInterface(0);
                byte[] block = new byte[16];
                block[0] = (byte) 0xF5;
                device.bulkTransfer(0x02, block, 0, 16, 1000);
                byte[] answer = new byte[2];
                assertEquals(2, device.bulkTransfer(0x81, answer, 0, 2, 1000));
                assertEquals("01 00", StlinkHarness.hex(answer));
            }
        }
    }
}
