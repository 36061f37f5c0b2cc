package io.probehost.sim.mcu.fpec;

import io.probehost.sim.mcu.bus.Memory;
import io.probehost.sim.mcu.bus.NvmFile;
import java.nio.file.Path;

/**
 * Main flash and the 16 option bytes, persisted as one file (flash then option bytes) in a state
 * folder (see {@link NvmFile}). A null folder keeps nothing.
 * Factory state: flash erased, option bytes as shipped (RDP 0xA5 unprotected, no WRP).
 */
public final class FlashStore {
    public static final int OPTION_BYTES = 16;
    static final byte ERASED = (byte) 0xFF;
    /** Option bytes as shipped: RDP 0xA5/0x5A, every other byte 0xFF with complement 0x00. */
    private static final byte[] FACTORY_OPTIONS = {
        (byte) 0xA5, 0x5A, (byte) 0xFF, 0, (byte) 0xFF, 0, (byte) 0xFF, 0,
        (byte) 0xFF, 0, (byte) 0xFF, 0, (byte) 0xFF, 0, (byte) 0xFF, 0,
    };

    final Memory flash;
    final Memory options = new Memory(OPTION_BYTES);
    private final NvmFile file;

    /** @param fileName name of the file in {@code stateDirOrNull}, such as {@code stm32f103rb-nvm.bin} */
    public FlashStore(FlashGeometry geometry, Path stateDirOrNull, String fileName) {
        this.flash = new Memory(geometry.flashBytes());
        this.file = new NvmFile(stateDirOrNull, fileName, flash, options);
        factoryState();
        file.load();
    }

    private void factoryState() {
        flash.fill(ERASED);
        options.load(0, FACTORY_OPTIONS);
    }

    /** The main flash (live; callers hold the chip's lock). */
    public Memory flash() {
        return flash;
    }

    /** The option bytes as stored (live; callers hold the chip's lock). */
    public Memory options() {
        return options;
    }

    void markDirty() {
        file.markDirty();
    }

    /** Writes the file if anything changed since the last save. */
    public void saveIfDirty() {
        file.saveIfDirty();
    }

    public void save() {
        file.save();
    }

    /** Back to the factory state and removes the persisted file. */
    public void wipe() {
        factoryState();
        file.delete();
    }
}
