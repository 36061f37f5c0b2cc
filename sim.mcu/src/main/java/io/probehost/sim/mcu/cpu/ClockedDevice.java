package io.probehost.sim.mcu.cpu;

/**
 * A peripheral with its own notion of time, told whenever the core has executed for a while. It
 * may pend interrupts on its own, but not change the memory map or memory: the core keeps the
 * region it fetches from, and counts cycles without telling the device until its next interrupt
 * is due or the program reaches the bus.
 */
public interface ClockedDevice {

    /** The core executed {@code cycles} processor cycles (the virtual clock has advanced by them). */
    void advance(long cycles);

    /** Cycles until this device next raises an interrupt, or -1; lets a sleeping core skip ahead. */
    long cyclesUntilInterrupt();
}
