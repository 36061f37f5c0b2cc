package io.probehost.sim.mcu.nrf51;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * Contents of the code flash and the UICR, persisted as one file (flash then UICR) in a state
 * folder, written atomically through a temporary file and a rename. A null folder keeps nothing.
 */
final class NonVolatileMemory {
    static final String FILE_NAME = "nrf51822-nvm.bin";
    static final byte ERASED = (byte) 0xFF;

    final byte[] flash = new byte[Nrf51822.FLASH_SIZE];
    final byte[] uicr = new byte[Nrf51822.UICR_SIZE];
    private final Path file;
    private boolean dirty;

    NonVolatileMemory(Path stateDir) {
        this.file = stateDir == null ? null : stateDir.resolve(FILE_NAME);
        Arrays.fill(flash, ERASED);
        Arrays.fill(uicr, ERASED);
        load();
    }

    private void load() {
        if (file == null || !Files.isRegularFile(file)) {
            return;
        }
        try {
            byte[] content = Files.readAllBytes(file);
            System.arraycopy(content, 0, flash, 0, Math.min(flash.length, content.length));
            if (content.length > flash.length) {
                System.arraycopy(content, flash.length, uicr, 0, Math.min(uicr.length, content.length - flash.length));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    void markDirty() {
        dirty = true;
    }

    /** Writes the file if anything changed since the last save. */
    void saveIfDirty() {
        if (dirty) {
            save();
        }
    }

    void save() {
        dirty = false;
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            // A temporary file of its own: two runs on one state folder may save at the same time.
            Path temp = Files.createTempFile(file.getParent(), FILE_NAME + ".", ".tmp");
            byte[] content = Arrays.copyOf(flash, flash.length + uicr.length);
            System.arraycopy(uicr, 0, content, flash.length, uicr.length);
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

    /** Erases everything and removes the persisted file. */
    void wipe() {
        Arrays.fill(flash, ERASED);
        Arrays.fill(uicr, ERASED);
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
