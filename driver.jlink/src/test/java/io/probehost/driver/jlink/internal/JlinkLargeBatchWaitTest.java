package io.probehost.driver.jlink.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import io.probehost.sim.adi.SwjDp;
import io.probehost.sim.adi.ForwardingSwjPins;
import io.probehost.sim.adi.SwjPins;
import io.probehost.sim.adi.WireMode;
import io.probehost.sim.mcu.nrf51.Nrf51822;
import io.probehost.sim.probe.jlink.JlinkConfig;
import io.probehost.sim.probe.jlink.JlinkProbe;

/**
 * A 16 KiB write goes out as one SWD batch cut into several HW_JTAG3 requests; a WAIT storm that
 * starts inside the second request is retried from the waiting transaction and no word is lost.
 */
class JlinkLargeBatchWaitTest {
    private static final long STORM_AT_CYCLE = 100_000;
    private static final int STORM = 30;

    @Test
    void aWaitStormInsideALargeBatchLosesNoWord() {
        try (Nrf51822 mcu = Nrf51822.create(null)) {
            SwjDp dp = new SwjDp(mcu, WireMode.SWD, 0);
            StormAfter pins = new StormAfter(dp);
            try (JlinkProbe device = new JlinkProbe(JlinkConfig.v11(9), pins, mcu.clock())) {
                JlinkBenchFloorTest.onSwdTarget(device, target -> {
                    byte[] data = new byte[Nrf51822.RAM_SIZE];
                    new Random(10).nextBytes(data);
                    pins.armAfter(STORM_AT_CYCLE, () -> dp.injectWaitStorm(STORM));
                    target.memory().write(Nrf51822.RAM_BASE, data, 0, data.length);
                    assertTrue(pins.fired(), "the storm started during the write");
                    assertEquals(0, dp.pendingWaits());
                    byte[] back = new byte[data.length];
                    target.memory().read(Nrf51822.RAM_BASE, back, 0, back.length);
                    assertArrayEquals(data, back);
                });
            }
        }
    }

    /** The DP's pins, running an action once after a number of SWD clocks. */
    private static final class StormAfter extends ForwardingSwjPins {
        private long remaining = -1;
        private Runnable action;
        private boolean fired;

        StormAfter(SwjPins pins) {
            super(pins);
        }

        void armAfter(long cycles, Runnable then) {
            remaining = cycles;
            action = then;
        }

        boolean fired() {
            return fired;
        }

        @Override
        public boolean swdClock(boolean hostDrives, boolean hostBit) {
            if (remaining > 0 && --remaining == 0) {
                fired = true;
                action.run();
            }
            return super.swdClock(hostDrives, hostBit);
        }
    }
}
