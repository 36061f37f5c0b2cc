package io.probehost.sim.probe.stlink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.probehost.sim.adi.SwjDp;
import io.probehost.sim.adi.SwjIdentity;
import io.probehost.sim.adi.WireMode;
import io.probehost.sim.mcu.stm32f1.Stm32f103;

/**
 * JTAG on an STM32F1's two-TAP chain (JTAG-DP nearest TDO, the 5-bit boundary-scan TAP nearest TDI):
 * the firmware keeps the boundary-scan TAP in BYPASS and reaches the JTAG-DP through it.
 */
class StlinkJtagChainTest {

    @Test
    void reachesTheJtagDpOfAnStm32f103PastItsBoundaryScanTap() {
        try (Stm32f103 mcu = Stm32f103.create(null);
                StlinkHarness h = new StlinkHarness(StlinkConfig.nucleoF103rb("S"),
                        new SwjDp(mcu, SwjIdentity.STM32F1, WireMode.JTAG, 0), mcu.clock())) {
            mcu.writeRam(Stm32f103.SRAM_BASE, new byte[] {1, 2, 3, 4});
            assertEquals("80 00", h.exchange("F2 30 A4 00", 2));
            assertEquals("80 00 00 00 77 14 A0 1B", h.exchange("F2 45 FF FF 00 00", 8),
                    "DP register 0 through the chain");
            assertEquals("80 00", h.exchange("F2 4B 00 00", 2));
            assertEquals("01 02 03 04", h.exchange("F2 07 00 00 00 20 04 00", 4));
            assertEquals("80 00 00 00 00 00 00 00 00 00 00 00", h.lastRwStatus());
        }
    }
}
