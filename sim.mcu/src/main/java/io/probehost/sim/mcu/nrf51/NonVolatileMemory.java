package io.probehost.sim.mcu.nrf51;

import io.probehost.sim.mcu.bus.Memory;
import io.probehost.sim.mcu.bus.NvmFile;
import java.nio.file.Path;

/**
 * Contents of the code flash and the UICR, persisted as one file (flash then UICR) in a state
 * folder (see {@link NvmFile}). A null folder keeps nothing.
 */
final class NonVolatileMemory {
    static final String FILE_NAME = "nrf51822-nvm.bin";
    static final byte ERASED = (byte) 0xFF;

    final Memory flash = new Memory(Nrf51822.FLASH_SIZE);
    final Memory uicr = new Memory(Nrf51822.UICR_SIZE);
    private final NvmFile file;

    NonVolatileMemory(Path stateDir) {
        file = new NvmFile(stateDir, FILE_NAME, flash, uicr);
        flash.fill(ERASED);
        uicr.fill(ERASED);
        file.load();
    }

    void markDirty() {
        file.markDirty();
    }

    /** Writes the file if anything changed since the last save. */
    void saveIfDirty() {
        file.saveIfDirty();
    }

    void save() {
        file.save();
    }

    /** Erases everything and removes the persisted file. */
    void wipe() {
        flash.fill(ERASED);
        uicr.fill(ERASED);
        file.delete();
    }
}
