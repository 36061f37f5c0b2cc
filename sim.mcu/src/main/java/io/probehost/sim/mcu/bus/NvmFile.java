package io.probehost.sim.mcu.bus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * Two arrays of non-volatile memory (main flash, then the option bytes or UICR) persisted as one file
 * in a state folder, written atomically through a temporary file and a rename. A null folder keeps
 * nothing. The arrays are live: the owner changes them, marks them dirty and saves.
 */
public final class NvmFile {
    private final Path file;
    private final String fileName;
    private final byte[] first;
    private final byte[] second;
    private boolean dirty;

    /** @param fileName name of the file in {@code stateDirOrNull}, such as {@code nrf51822-nvm.bin} */
    public NvmFile(Path stateDirOrNull, String fileName, byte[] first, byte[] second) {
        this.file = stateDirOrNull == null ? null : stateDirOrNull.resolve(fileName);
        this.fileName = fileName;
        this.first = first;
        this.second = second;
    }

    /** Fills the arrays from the file, as far as it reaches; leaves them as they are if there is none. */
    public void load() {
        if (file == null || !Files.isRegularFile(file)) {
            return;
        }
        try {
            byte[] content = Files.readAllBytes(file);
            System.arraycopy(content, 0, first, 0, Math.min(first.length, content.length));
            if (content.length > first.length) {
                System.arraycopy(content, first.length, second, 0, Math.min(second.length, content.length - first.length));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public void markDirty() {
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
            byte[] content = Arrays.copyOf(first, first.length + second.length);
            System.arraycopy(second, 0, content, first.length, second.length);
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

    /** Removes the persisted file (the owner puts the arrays back to their factory state); nothing is dirty. */
    public void delete() {
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
