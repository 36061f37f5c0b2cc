package io.probehost.sim.mcu;

/**
 * What a debug port needs from a virtual microcontroller: the system bus an AHB-AP masters (the
 * whole memory map including the Private Peripheral Bus, so the SCS, DWT, FPB and ROM table), the
 * ROM table base for the AP's BASE register, the nRESET pin and the debug power domain.
 */
public interface DebuggableMcu extends AutoCloseable {

    /** The bus as the AHB-AP sees it. A fault answers FAULT through the AP. */
    MemoryPort debugBus();

    /** Value of the MEM-AP BASE register: ROM table address with the format and present bits. */
    int romTableBase();

    /** Drives the nRESET pin; while asserted the core is held in reset. */
    void setResetPinAsserted(boolean asserted);

    /** CDBGPWRUPREQ from the DP; the MCU acknowledges through {@link #isDebugPowered()}. */
    void setDebugPowerRequested(boolean requested);

    boolean isDebugPowered();

    VirtualClock clock();

    /** Stops the CPU thread, saves persistent state. Idempotent. */
    @Override
    void close();
}
