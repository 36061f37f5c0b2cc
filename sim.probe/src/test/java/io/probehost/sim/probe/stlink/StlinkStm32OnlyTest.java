package io.probehost.sim.probe.stlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.probehost.sim.adi.SwjDp;
import io.probehost.sim.adi.WireMode;
import io.probehost.sim.mcu.nrf51.Nrf51822;

/**
 * Recent firmware talks to STM32 targets only: against the nRF51 the DP still answers, every AP access
 * is refused with BAD_AP (0x1D); the same nRF51 with an STM32F103 DBGMCU_IDCODE on its bus is served.
 */
class StlinkStm32OnlyTest {

    @Test
    void anNrf51BehindStm32OnlyFirmwareAnswersItsDpButNoAp() {
        try (Nrf51822 mcu = Nrf51822.create(null);
                StlinkHarness h = new StlinkHarness(StlinkConfig.nucleoF103rb("S"), new SwjDp(mcu, WireMode.SWD, 0),
                        mcu.clock())) {
            assertEquals("80 00", h.exchange("F2 30 A3 00", 2));
            assertEquals("80 00 00 00 77 14 B1 0B", h.exchange("F2 45 FF FF 00 00", 8));
            assertEquals("1D 00", h.exchange("F2 4B 00 00", 2));
            assertEquals("1D 00 00 00 00 00 00 00", h.exchange("F2 45 00 00 FC 00", 8));
            assertEquals("00 00 00 00", h.exchange("F2 07 00 00 00 20 04 00", 4));
            assertEquals("1D 00 00 00 00 00 00 20 00 00 00 00", h.lastRwStatus());
            assertEquals("1D 00", h.exchange("F2 35 F0 ED 00 E0 03 00 5F A0", 2));
        }
    }

    @Test
    void theSameTargetWithAnStm32F103IdcodeIsServedAfterTheProbeReadsIt() {
        try (Nrf51822 nrf = Nrf51822.create(null)) {
            FakeStm32IdcodeMcu mcu = new FakeStm32IdcodeMcu(nrf, 0x2003_6410);
            nrf.writeRam(Nrf51822.RAM_BASE, new byte[] {1, 2, 3, 4});
            try (StlinkHarness h = new StlinkHarness(StlinkConfig.nucleoF103rb("S"),
                    new SwjDp(mcu, WireMode.SWD, 0), mcu.clock())) {
                assertEquals("80 00", h.exchange("F2 30 A3 00", 2));
                assertEquals(0, mcu.idcodeReads);
                assertEquals("80 00", h.exchange("F2 4B 00 00", 2));
                assertEquals(1, mcu.idcodeReads, "the probe reads DBGMCU_IDCODE through the AP");
                assertEquals("01 02 03 04", h.exchange("F2 07 00 00 00 20 04 00", 4));
                assertEquals("80 00 00 00 00 00 00 00 00 00 00 00", h.lastRwStatus());
                assertEquals(1, mcu.idcodeReads);
            }
        }
    }

    @Test
    void anUnknownDeviceIdIsRefusedAndFirmwareWithoutTheRuleServesAnything() {
        try (Nrf51822 nrf = Nrf51822.create(null)) {
            FakeStm32IdcodeMcu mcu = new FakeStm32IdcodeMcu(nrf, 0x1000_0999);
            try (StlinkHarness h = new StlinkHarness(StlinkConfig.stlinkV3("S"), new SwjDp(mcu, WireMode.SWD, 0),
                    mcu.clock())) {
                assertEquals("80 00", h.exchange("F2 30 A3 00", 2));
                assertEquals("1D 00", h.exchange("F2 4B 00 00", 2));
                assertTrue(mcu.idcodeReads > 0);
            }
            try (StlinkHarness h = new StlinkHarness(StlinkConfig.v2("S", 34), new SwjDp(nrf, WireMode.SWD, 0),
                    nrf.clock())) {
                assertEquals("80 00", h.exchange("F2 30 A3 00", 2));
                assertEquals("80 00", h.exchange("F2 4B 00 00", 2));
            }
        }
    }
}
