package io.probehost.sim.mcu.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.probehost.sim.mcu.VirtualClock;
import io.probehost.sim.mcu.bus.SystemBus;
import org.junit.jupiter.api.Test;

class CoreClockTest {
    @Test
    void virtualTimeFollowsCyclesPastTheMinutesWhereCyclesTimesNanosOverflow() {
        VirtualClock clock = new VirtualClock();
        Core core = new Core(new SystemBus(), clock, Profile.ARMV7M, 72_000_000);
        long hourOfCycles = 3600L * 72_000_000;
        core.chargeCycles(hourOfCycles);
        core.chargeCycles(36);
        assertEquals(3600L * 1_000_000_000L + 500, clock.nowNanos());
    }
}
