package io.probehost.sim.mcu.cpu;

/** A peripheral with its own notion of time, told whenever the core has executed for a while. */
public interface ClockedDevice {

    /** The core executed {@code cycles} processor cycles (the virtual clock has advanced by them). */
    void advance(long cycles);

    /** Cycles until this device next raises an interrupt, or -1; lets a sleeping core skip ahead. */
    long cyclesUntilInterrupt();
}
