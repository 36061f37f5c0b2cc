package io.probehost.sim.internal;

import io.probehost.sim.adi.SwjPins;
import io.probehost.sim.mcu.VirtualClock;

/**
 * The pins as a remote_bitbang client drives them. Unlike a CMSIS-DAP probe, that protocol has no
 * clock of its own, so each TCK advances the target's modelled time as a 100 kHz adapter would:
 * flash erase and programming, which wait on modelled time, then take as long for OpenOCD as on
 * silicon relative to its clock.
 */
final class ModelledTckPins implements SwjPins {
    static final long NANOS_PER_TCK = 10_000;

    private final SwjPins pins;
    private final VirtualClock clock;

    ModelledTckPins(SwjPins pins, VirtualClock clock) {
        this.pins = pins;
        this.clock = clock;
    }

    @Override
    public boolean swdClock(boolean hostDrives, boolean hostBit) {
        clock.advance(NANOS_PER_TCK);
        return pins.swdClock(hostDrives, hostBit);
    }

    @Override
    public boolean jtagClock(boolean tms, boolean tdi) {
        clock.advance(NANOS_PER_TCK);
        return pins.jtagClock(tms, tdi);
    }

    @Override
    public boolean tdo() {
        return pins.tdo();
    }

    @Override
    public void jtagReset() {
        pins.jtagReset();
    }

    @Override
    public void setResetAsserted(boolean asserted) {
        pins.setResetAsserted(asserted);
    }

    @Override
    public boolean resetPinHigh() {
        return pins.resetPinHigh();
    }
}
