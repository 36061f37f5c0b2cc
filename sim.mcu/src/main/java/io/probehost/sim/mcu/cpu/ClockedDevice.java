package io.probehost.sim.mcu.cpu;

/** A peripheral counting processor clock cycles (16 MHz HFCLK), advanced as the core executes. */
public interface ClockedDevice {

    /** {@code cycles} processor cycles have passed. */
    void advance(long cycles);

    /** Cycles until this device next raises an interrupt, or -1; lets a sleeping core skip ahead. */
    long cyclesUntilInterrupt();
}
