package io.probehost.sim.riscv.debug;

import io.probehost.sim.mcu.VirtualClock;

/**
 * What a Debug Transport Module reaches on a RISC-V chip: the DMI (Debug Module registers by word
 * address) and the chip's reset pin and clock. Implementations are thread-safe.
 */
public interface DebugModuleInterface {

    /** Width of a DMI address ({@code dtmcs.abits}). */
    int addressBits();

    int read(int address);

    void write(int address, int value);

    /** Drives the chip's reset pin (SRST). */
    void setResetPinAsserted(boolean asserted);

    VirtualClock clock();
}
