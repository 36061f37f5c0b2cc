package io.probehost.launcher;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

import io.probehost.client.StationEndpoint;

/**
 * The proof that one station serves a state folder: a file lock held as long as the station runs
 * (the system lets it go when the process dies, even by kill -9), with the holder's pid written in it.
 */
final class StationLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private StationLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Creates the endpoint's folder (owner-only) and takes the lock; fails with a
     * {@link StationBusyException} naming the pid of the station that holds it.
     */
    static StationLock take(StationEndpoint endpoint) {
        try {
            Files.createDirectories(endpoint.folder());
            Files.setPosixFilePermissions(endpoint.folder(), PosixFilePermissions.fromString("rwx------"));
            FileChannel channel = FileChannel.open(endpoint.lock(), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String holder = Files.readString(endpoint.lock(), StandardCharsets.US_ASCII).trim();
                channel.close();
                throw new StationBusyException("a station already serves " + endpoint.folder().getParent()
                        + (holder.isEmpty() ? "" : " (pid " + holder + ")") + "; stop it first");
            }
            channel.truncate(0);
            channel.write(StandardCharsets.US_ASCII.encode(Long.toString(ProcessHandle.current().pid())));
            return new StationLock(channel, lock);
        } catch (IOException e) {
            throw new StationBusyException("cannot take the station lock " + endpoint.lock() + ": " + e.getMessage());
        }
    }

    /** The lock, or null when another process holds it (or this one: a second station in one JVM, in tests). */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            channel.truncate(0);
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the process ends next, which lets the lock go anyway
        }
    }

    /** Another station holds the state folder, or its endpoint cannot be made. */
    static final class StationBusyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StationBusyException(String message) {
            super(message);
        }
    }
}
