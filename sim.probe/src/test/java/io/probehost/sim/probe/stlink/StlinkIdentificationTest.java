package io.probehost.sim.probe.stlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.probehost.api.usb.UsbEndpointInfo;
import io.probehost.api.usb.UsbInterfaceInfo;
import io.probehost.sim.adi.SwjDp;
import io.probehost.sim.adi.WireMode;
import io.probehost.sim.mcu.nrf51.Nrf51822;

/** USB identity, version words, mode handling, target voltage and board identifiers, byte by byte (note §1, §3, §4). */
class StlinkIdentificationTest {
    private final Nrf51822 mcu = Nrf51822.create(null);

    @AfterEach
    void closeMcu() {
        mcu.close();
    }

    private StlinkHarness open(StlinkConfig config) {
        return new StlinkHarness(config, new SwjDp(mcu, WireMode.JTAG, 0), mcu.clock());
    }

    @Test
    void aNucleoV21EnumeratesWithItsDebugMassStorageAndVcpInterfaces() {
        try (StlinkHarness h = open(StlinkConfig.nucleoF103rb("066DFF485457725187092515"))) {
            assertEquals(0x0483, h.info.vendorId());
            assertEquals(0x374B, h.info.productId());
            assertEquals("066DFF485457725187092515", h.info.serialNumber());
            assertEquals(List.of(0, 1, 2, 3), h.info.interfaces().stream().map(UsbInterfaceInfo::number).toList());
            UsbInterfaceInfo debug = h.info.interfaces().get(0);
            assertEquals(UsbInterfaceInfo.CLASS_VENDOR_SPECIFIC, debug.interfaceClass());
            assertEquals(List.of(0x81, 0x01, 0x82), debug.endpoints().stream().map(UsbEndpointInfo::address).toList());
            assertTrue(debug.endpoints().stream().allMatch(e -> e.maxPacketSize() == 64));
            assertEquals(0x08, h.info.interfaces().get(1).interfaceClass());
        }
    }

    @Test
    void aV2HasOneInterfaceWithOut02AndTrace83AndV3HasHighSpeedPackets() {
        try (StlinkHarness h = open(StlinkConfig.v2("V2SERIAL", 37))) {
            assertEquals(0x3748, h.info.productId());
            assertEquals(1, h.info.interfaces().size());
            assertEquals(List.of(0x81, 0x02, 0x83),
                    h.info.interfaces().get(0).endpoints().stream().map(UsbEndpointInfo::address).toList());
        }
        try (StlinkHarness h = open(StlinkConfig.stlinkV3("V3SERIAL"))) {
            assertEquals(0x374F, h.info.productId());
            assertTrue(h.info.interfaces().get(0).endpoints().stream().allMatch(e -> e.maxPacketSize() == 512));
        }
    }

    @Test
    void labSerialsAre24UppercaseHexCharactersStablePerSeed() {
        String serial = StlinkConfig.serialFor("nucleo-f103rb");
        assertTrue(serial.matches("[0-9A-F]{24}"), serial);
        assertEquals(serial, StlinkConfig.serialFor("nucleo-f103rb"));
        assertTrue(!serial.equals(StlinkConfig.serialFor("stlink-v3")));
    }

    @Test
    void getVersionIsBigEndianVJmThenVidPidLittleEndian() {
        try (StlinkHarness h = open(StlinkConfig.nucleoF103rb("S"))) {
            // V2 J37 M26 = 0010 100101 011010 = 0x295A
            assertEquals("29 5A 83 04 4B 37", h.exchange("F1", 6));
        }
        try (StlinkHarness h = open(StlinkConfig.outdatedV2("S"))) {
            // V2 J23 S4 = 0010 010111 000100 = 0x25C4
            assertEquals("25 C4 83 04 48 37", h.exchange("F1", 6));
        }
    }

    @Test
    void aV3AnswersJ0S0InGetVersionAndTheFieldsInGetVersionEx() {
        try (StlinkHarness h = open(StlinkConfig.stlinkV3("S"))) {
            assertEquals("30 00 83 04 4F 37", h.exchange("F1", 6));
            assertEquals("03 00 07 03 02 00 00 00 83 04 4F 37", h.exchange("FB", 12));
        }
        try (StlinkHarness h = open(StlinkConfig.stlinkV3Pwr("S"))) {
            assertEquals("40 00 83 04 57 37", h.exchange("F1", 6));
            assertEquals("04 00 07 00 00 01 00 00 83 04 57 37", h.exchange("FB", 12));
        }
    }

    @Test
    void theModeGoesFromMassStorageToDebugAndBackAndDfuExitHasNoAnswer() {
        try (StlinkHarness h = open(StlinkConfig.nucleoF103rb("S").withStm32Only(false))) {
            assertEquals("01 00", h.exchange("F5", 2));
            h.send("F3 07");
            assertEquals("01 00", h.exchange("F5", 2));
            assertEquals("80 00", h.exchange("F2 30 A3 00", 2));
            assertEquals("02 00", h.exchange("F5", 2));
            h.send("F2 21");
            assertEquals("01 00", h.exchange("F5", 2));
        }
    }

    @Test
    void targetVoltageIsTwoAdcCountsGivingTheSupplyAs2TimesA1Times1v2OverA0() {
        try (StlinkHarness h = open(StlinkConfig.nucleoF103rb("S"))) {
            assertEquals("D1 05 00 00 FF 07 00 00", h.exchange("F7", 8));
            assertEquals(3.30, 2 * 0x7FF * 1.2 / 0x5D1, 0.005);
        }
    }

    @Test
    void boardIdentifiersCarryTheNucleoBoardIdOrZerosAndNeedV2J36() {
        try (StlinkHarness h = open(StlinkConfig.nucleoF103rb("S"))) {
            byte[] answer = h.readBytesAfter("F2 56", 128);
            assertEquals(128, answer.length);
            assertEquals("80 00 30 37 30 30 00", StlinkHarness.hex(java.util.Arrays.copyOf(answer, 7)));
        }
        try (StlinkHarness h = open(StlinkConfig.stlinkV3("S"))) {
            assertEquals("80 00 00 00 00 00", StlinkHarness.hex(java.util.Arrays.copyOf(h.readBytesAfter("F2 56", 128), 6)));
        }
        try (StlinkHarness h = open(StlinkConfig.outdatedV2("S"))) {
            assertEquals("42 00", h.exchange("F2 56", 128));
        }
    }
}
