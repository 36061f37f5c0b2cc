package io.probehost.sim.internal;

import io.probehost.sim.adi.ForwardingSwjPins;
import io.probehost.sim.adi.SwjPins;
import io.probehost.sim.mcu.VirtualClock;

/**
 * The pins as a remote_bitbang client drives them. Unlike a CMSIS-DAP probe, that protocol has no
 * clock of its own, so each TCK advances the target's modelled time as a 100 kHz adapter would:
 * flash erase and programming, which wait on modelled time, then take as long for OpenOCD as on
 * silicon relative to its clock.
 */
final class ModelledTckPins extends ForwardingSwjPins {
    static final long NANOS_PER_TCK = 10_000;

    private final VirtualClock clock;

    ModelledTckPins(SwjPins pins, VirtualClock clock) {
        super(pins);
        this.clock = clock;
    }

    @Override
    public boolean swdClock(boolean hostDrives, boolean hostBit) {
        clock.advance(NANOS_PER_TCK);
        return super.swdClock(hostDrives, hostBit);
    }

    @Override
    public boolean jtagClock(boolean tms, boolean tdi) {
        clock.advance(NANOS_PER_TCK);
        return super.jtagClock(tms, tdi);
    }
}
