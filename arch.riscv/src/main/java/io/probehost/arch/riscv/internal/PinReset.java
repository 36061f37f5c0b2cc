package io.probehost.arch.riscv.internal;

import io.probehost.api.probe.ResetControl;

/** The chip's reset pin (SRST/nRESET) driven by the probe, held for {@link #PULSE_MILLIS} ms. */
final class PinReset extends SystemReset {
    static final long PULSE_MILLIS = 20;
    private final ResetControl pin;

    PinReset(ResetControl pin) {
        this.pin = pin;
    }

    @Override
    String name() {
        return "nRESET pin";
    }

    @Override
    void pulse(Hart hart, int heldControl) {
        pin.setResetAsserted(true);
        try {
            Thread.sleep(PULSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pin.setResetAsserted(false);
        }
    }
}
