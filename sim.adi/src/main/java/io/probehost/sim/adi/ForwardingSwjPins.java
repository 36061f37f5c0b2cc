package io.probehost.sim.adi;

/**
 * Pins that pass everything to other pins: the base of a decorator that changes one thing, such as
 * what a clock cycle costs in modelled time or a fault after so many cycles.
 */
public abstract class ForwardingSwjPins implements SwjPins {
    private final SwjPins pins;

    protected ForwardingSwjPins(SwjPins pins) {
        this.pins = pins;
    }

    @Override
    public boolean swdClock(boolean hostDrives, boolean hostBit) {
        return pins.swdClock(hostDrives, hostBit);
    }

    @Override
    public boolean jtagClock(boolean tms, boolean tdi) {
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
