package io.probehost.sim.mcu.fpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * Main flash and the 16 option bytes, persisted as one file (flash then option bytes) in a state
 * folder, written atomically through a temporary file and a rename. A null folder keeps nothing.
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

    final byte[] flash;
    final byte[] options = new byte[OPTION_BYTES];
    private final Path file;
    private final String fileName;
    private boolean dirty;

    /** @param fileName name of the file in {@code stateDirOrNull}, such as {@code stm32f103rb-nvm.bin} */
    public FlashStore(FlashGeometry geometry, Path stateDirOrNull, String fileName) {
        this.flash = new byte[geometry.flashBytes()];
        this.fileName = fileName;
        this.file = stateDirOrNull == null ? null : stateDirOrNull.resolve(fileName);
        factoryState();
        load();
    }

    private void factoryState() {
        Arrays.fill(flash, ERASED);
        System.arraycopy(FACTORY_OPTIONS, 0, options, 0, OPTION_BYTES);
    }

    private void load() {
        if (file == null || !Files.isRegularFile(file)) {
            return;
        }
        try {
            byte[] content = Files.readAllBytes(file);
            System.arraycopy(content, 0, flash, 0, Math.min(flash.length, content.length));
            if (content.length > flash.length) {
                System.arraycopy(content, flash.length, options, 0,
                        Math.min(OPTION_BYTES, content.length - flash.length));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The main flash array (live; callers hold the chip's lock). */
    public byte[] flash() {
        return flash;
    }

    /** The option bytes as stored (live; callers hold the chip's lock). */
    public byte[] options() {
        return options;
    }

    void markDirty() {
        dirty = true;
    }

    /** Writes the file if anything changed since the last save. */
    public void saveIfDirty() {
        if (dirty) {
            save();
        }
    }

    public void save() {
        dirty = false;
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            // A temporary file of its own: two runs on one state folder may save at the same time.
            Path temp = Files.createTempFile(file.getParent(), fileName + ".", ".tmp");
            byte[] content = Arrays.copyOf(flash, flash.length + OPTION_BYTES);
            System.arraycopy(options, 0, content, flash.length, OPTION_BYTES);
            Files.write(temp, content);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Back to the factory state and removes the persisted file. */
    public void wipe() {
        factoryState();
        dirty = false;
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + file, e);
            }
        }
    }
}
