package io.probehost.sim.probe.stlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.probehost.sim.adi.SwjDp;
import io.probehost.sim.adi.WireMode;
import io.probehost.sim.probe.cmsisdap.LinkStats;
import io.probehost.sim.mcu.nrf51.Nrf51822;

/** Clock commands of V2 (divisor tables) and V3 (COM_FREQ), the feature gates of old firmware, the link model. */
class StlinkClockAndLinkTest {
    private final Nrf51822 mcu = Nrf51822.create(null);

    @AfterEach
    void closeMcu() {
        mcu.close();
    }

    private StlinkHarness open(StlinkConfig config) {
        return new StlinkHarness(config, new SwjDp(mcu, WireMode.SWD, 0), mcu.clock());
    }

    @Test
    void v2SetsSwdAndJtagClocksByDivisorAndRefusesAJtagDivisorOutsideItsTable() {
        try (StlinkHarness h = open(StlinkConfig.v2("S", 37))) {
            assertEquals(1800, h.probe.swdKhz());
            assertEquals("80 00", h.exchange("F2 43 07 00", 2));
            assertEquals(480, h.probe.swdKhz());
            assertEquals("80 00", h.exchange("F2 43 00 00", 2));
            assertEquals(4000, h.probe.swdKhz());
            assertEquals("80 00", h.exchange("F2 43 1E 03", 2)); // 798
            assertEquals(5, h.probe.swdKhz());
            assertEquals("80 00", h.exchange("F2 44 40 00", 2));
            assertEquals(562, h.probe.jtagKhz());
            assertEquals("41 00", h.exchange("F2 44 03 00", 2));
            assertEquals("42 00", h.exchange("F2 61 00 00 A0 0F 00 00", 8));
        }
    }

    @Test
    void v3ListsItsFrequenciesAndAppliesTheHighestAtOrBelowTheRequest() {
        try (StlinkHarness h = open(StlinkConfig.stlinkV3("S"))) {
            byte[] list = h.readBytesAfter("F2 62 00", 52);
            assertEquals(52, list.length);
            assertEquals("80 00 00 00 C0 5D 00 00 07 00 00 00 C0 5D 00 00 40 1F 00 00 E4 0C 00 00",
                    StlinkHarness.hex(Arrays.copyOf(list, 24)));
            assertEquals("80 00 00 00 E4 0C 00 00", h.exchange("F2 61 00 00 A0 0F 00 00", 8)); // 4000 -> 3300
            assertEquals(3300, h.probe.swdKhz());
            assertEquals("80 00 00 00 05 00 00 00", h.exchange("F2 61 00 00 01 00 00 00", 8));
            assertEquals("80 00 00 00 55 53 00 00", h.exchange("F2 61 01 00 00 00 01 00", 8)); // JTAG 21333
            assertEquals("40 00 00 00 00 00 00 00", h.exchange("F2 63 01", 8));
            assertEquals("42 00", h.exchange("F2 43 00 00", 2));
        }
    }

    @Test
    void firmwareBelowV2J24LacksDapRegisterAccessAndJtagClockButHasSwdClock() {
        try (StlinkHarness h = open(StlinkConfig.outdatedV2("S"))) {
            assertEquals("80 00", h.exchange("F2 30 A3 00", 2));
            assertEquals("42 00", h.exchange("F2 45 FF FF 00 00", 8));
            assertEquals("42 00", h.exchange("F2 46 FF FF 00 00 1E 00 00 00", 2));
            assertEquals("42 00", h.exchange("F2 44 20 00", 2));
            assertEquals("42 00", h.exchange("F2 4B 00 00", 2));
            assertEquals("80 00", h.exchange("F2 43 01 00", 2));
            assertEquals("80 00 00 00 77 14 B1 0B 00 00 00 00", h.exchange("F2 31", 12));
            h.exchange("F2 47 00 00 00 20 04 00", 4); // 16-bit access needs J26
            assertEquals("08 00 00 00 00 00 00 20 00 00 00 00", h.lastRwStatus());
        }
    }

    @Test
    void eachCommandCostsAFullSpeedFrameOnV2AndAMicroframeOnV3PlusItsBytesAndSwdBits() {
        LinkStats v2 = dpidrReads(StlinkConfig.nucleoF103rb("S").withStm32Only(false));
        LinkStats v3 = dpidrReads(StlinkConfig.stlinkV3("S").withStm32Only(false));
        assertEquals(11, v2.roundTrips());
        assertEquals(11 * 16, v2.bytesOut());
        assertEquals(2 + 10 * 8, v2.bytesIn());
        assertEquals(v2.swdBits(), v3.swdBits());
        assertTrue(v2.swdBits() >= 10 * 46, "a DP read is at least 46 SWD cycles");
        assertTrue(v2.modelledNanos() >= 11 * 1_000_000L, v2.toString());
        assertTrue(v3.modelledNanos() >= 11 * 125_000L && v3.modelledNanos() < 11 * 1_000_000L, v3.toString());
    }

    private LinkStats dpidrReads(StlinkConfig config) {
        try (StlinkHarness h = open(config)) {
            assertEquals("80 00", h.exchange("F2 30 A3 00", 2));
            h.probe.link().reset();
            long before = mcu.clock().nowNanos();
            h.exchange("F2 43 00 00", 2); // V2: 4 MHz; V3: unknown command, same cost
            for (int i = 0; i < 10; i++) {
                assertEquals("80 00 00 00 77 14 B1 0B", h.exchange("F2 45 FF FF 00 00", 8));
            }
            LinkStats stats = h.probe.link().snapshot();
            assertTrue(mcu.clock().nowNanos() - before >= stats.modelledNanos(), "the target's clock follows the link");
            return stats;
        }
    }
}
