package io.probehost.api.probe;

import org.osgi.annotation.versioning.ConsumerType;

/** Raw control of the SWD/JTAG pins, for line resets, protocol switching and dormant wake-up. */
@ConsumerType
public interface SwjControl extends ProbeCapability {

    /** Clocks {@code bitCount} bits (1..256) onto SWDIO/TMS, LSB of {@code bits[0]} first. */
    void swjSequence(int bitCount, byte[] bits);

    /**
     * Drives the selected pins ({@link #PIN_SWCLK_TCK}...) to {@code output} and returns every pin's
     * level, after waiting up to {@code waitMicros} for the selected pins to reach it.
     */
    int swjPins(int output, int select, int waitMicros);

    int PIN_SWCLK_TCK = 1;
    int PIN_SWDIO_TMS = 1 << 1;
    int PIN_TDI = 1 << 2;
    int PIN_TDO = 1 << 3;
    int PIN_NTRST = 1 << 5;
    int PIN_NRESET = 1 << 7;
}
