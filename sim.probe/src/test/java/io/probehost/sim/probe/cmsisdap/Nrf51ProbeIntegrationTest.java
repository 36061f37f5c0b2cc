package io.probehost.sim.probe.cmsisdap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.probehost.sim.adi.SwjDp;
import io.probehost.sim.adi.WireMode;
import io.probehost.sim.mcu.nrf51.Nrf51822;

/** A micro:bit-style DAPLink in front of the virtual nRF51822 (sim.mcu) through its SWJ-DP (sim.adi). */
class Nrf51ProbeIntegrationTest {

    @ParameterizedTest
    @EnumSource(DapTransportKind.class)
    void dapLinkReadsTheDpidrApIdrAndARamWordOfTheVirtualNrf51(DapTransportKind kind) {
        Nrf51822 mcu = Nrf51822.create(null);
        try (ProbeHarness h = new ProbeHarness(CmsisDapProbes.dapLinkConfig(CmsisDapProbes.microBitSerial("nrf")),
                new SwjDp(mcu, WireMode.JTAG, 0), kind, mcu.clock())) {
            mcu.writeRam(Nrf51822.RAM_BASE + 0x100, new byte[] {0x78, 0x56, 0x34, 0x12});
            assertEquals("02 01", h.exchangeHex("02 01", 2));
            assertEquals("04 00", h.exchangeHex("04 02 96 00 00 00", 2));
            assertEquals("12 00", h.exchangeHex("12 33 FF FF FF FF FF FF 07", 2));
            assertEquals("12 00", h.exchangeHex("12 10 9E E7", 2));
            assertEquals("12 00", h.exchangeHex("12 33 FF FF FF FF FF FF 07", 2));
            assertEquals("12 00", h.exchangeHex("12 08 00", 2));

            assertEquals("05 01 01 77 14 B1 0B", h.exchangeHex("05 00 01 02", 7));
            assertEquals("05 05 01", h.exchangeHex(
                    "05 00 05 00 1E 00 00 00 08 00 00 00 00 04 00 00 00 50 20 00 00 00 A0 16 00 00 00 A0", 3));
            // SELECT bank 0xF, read AP IDR (Cortex-M0 AHB-AP)
            assertEquals("05 02 01 21 00 77 04", h.exchangeHex("05 00 02 08 F0 00 00 00 0F", 7));
            // SELECT bank 0, CSW 32-bit single increment, TAR, DRW read
            assertEquals("05 04 01 78 56 34 12", h.exchangeHex(
                    "05 00 04 08 00 00 00 00 01 12 00 00 23 05 00 01 00 20 0F", 7));
            // write a word back through DRW and see it in the MCU's RAM
            assertEquals("05 02 01", h.exchangeHex("05 00 02 05 04 01 00 20 0D EF BE AD DE", 3));
            assertEquals("EF BE AD DE", ProbeHarness.hex(mcu.readRam(Nrf51822.RAM_BASE + 0x104, 4)));
            assertTrue(mcu.clock().nowNanos() >= h.probe.link().snapshot().modelledNanos());
            assertTrue(mcu.isDebugPowered());
        } finally {
            mcu.close();
        }
    }
}
