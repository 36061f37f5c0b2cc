package io.probehost.sim.mcu.bus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * Two non-volatile memories (main flash, then the option bytes or UICR) persisted as one file in a
 * state folder, written atomically through a temporary file and a rename. A null folder keeps
 * nothing. The memories are live: the owner changes them, marks them dirty and saves; a load from the
 * file marks their decode tables as any other writer does.
 */
public final class NvmFile {
    private final Path file;
    private final String fileName;
    private final Memory first;
    private final Memory second;
    private boolean dirty;

    /** @param fileName name of the file in {@code stateDirOrNull}, such as {@code nrf51822-nvm.bin} */
    public NvmFile(Path stateDirOrNull, String fileName, Memory first, Memory second) {
        this.file = stateDirOrNull == null ? null : stateDirOrNull.resolve(fileName);
        this.fileName = fileName;
        this.first = first;
        this.second = second;
    }

    /** Fills the memories from the file, as far as it reaches; leaves them as they are if there is none. */
    public void load() {
        if (file == null || !Files.isRegularFile(file)) {
            return;
        }
        try {
            byte[] content = Files.readAllBytes(file);
            int split = first.size();
            first.load(0, Arrays.copyOf(content, Math.min(split, content.length)));
            if (content.length > split) {
                second.load(0, Arrays.copyOfRange(content, split, Math.min(split + second.size(), content.length)));
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
            byte[] content = Arrays.copyOf(first.copy(0, first.size()), first.size() + second.size());
            System.arraycopy(second.copy(0, second.size()), 0, content, first.size(), second.size());
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

    /** Removes the persisted file (the owner puts the memories back to their factory state); nothing is dirty. */
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
