package io.probehost.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * The framework cache a run may use. The state folder's cache is taken with a file lock for the
 * whole run, because two frameworks on one cache overwrite each other's bundles (after which no
 * run starts). A process that cannot take it runs on a private temporary cache instead, which is
 * deleted when it ends. The holder writes who it is in the lock file ({@link HolderRecord}): a
 * shell may be open for hours, so a run then falls back at once; a one-shot command will be done
 * soon, so a run waits a little for it first. The lock is the truth, the record only a hint.
 */
final class CacheLease implements AutoCloseable {
    /** What kind of run holds the cache: a shell stays for long, a command ends soon. */
    enum Holder {
        SHELL, COMMAND
    }

    private final Path cache;
    private final FileChannel lockFile;
    private final FileLock lock;
    private boolean closed;

    private CacheLease(Path cache, FileChannel lockFile, FileLock lock) {
        this.cache = cache;
        this.lockFile = lockFile;
        this.lock = lock;
    }

    /**
     * @param shared      the state folder's cache
     * @param holder      what this run is, written in the lock file while it holds the cache
     * @param waitMillis  how long to wait for another command to let it go
     */
    static CacheLease take(Path shared, Holder holder, long waitMillis) {
        Path lockPath = shared.resolveSibling(shared.getFileName() + ".lock");
        try {
            Files.createDirectories(shared);
            FileChannel channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            Optional<HolderRecord> other = lock == null ? HolderRecord.read(lockPath) : Optional.empty();
            boolean shellOpen = other.filter(record -> record.holder() == Holder.SHELL).isPresent();
            if (lock == null && !shellOpen) {
                long deadline = System.currentTimeMillis() + waitMillis;
                while ((lock = channel.tryLock()) == null && System.currentTimeMillis() < deadline) {
                    Thread.sleep(20);
                }
            }
            if (lock != null) {
                HolderRecord.current(holder).writeTo(channel);
                return new CacheLease(shared, channel, lock);
            }
            channel.close();
            Path temporary = Files.createTempDirectory("probehost-" + shared.getFileName() + "-");
            String who = shellOpen ? "a probehost shell (pid " + other.get().pid() + ") is using " + shared
                    : "another probehost is using " + shared + " (waited " + waitMillis / 1000.0 + " s)";
            System.err.println("Warning: " + who + "; this one runs on a temporary framework cache with the same "
                    + "installed bundles (what driver:install changes in this run is not kept)");
            return new CacheLease(temporary, null, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the framework cache " + shared + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the framework cache " + shared);
        }
    }

    Path cache() {
        return cache;
    }

    /** Whether this is the state folder's cache (kept between runs) rather than a temporary one. */
    boolean shared() {
        return lock != null;
    }

    /** Deletes everything in the cache, so the next framework builds it afresh. */
    void wipe() {
        delete(cache, false);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (lock != null) {
                HolderRecord.clear(lockFile);
                lock.release();
                lockFile.close();
            } else {
                delete(cache, true);
            }
        } catch (IOException e) {
            System.err.println("Warning: cannot release the framework cache " + cache + ": " + e.getMessage());
        }
    }

    private static void delete(Path folder, boolean itself) {
        if (!Files.exists(folder)) {
            return;
        }
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    if (itself || !dir.equals(folder)) {
                        Files.delete(dir);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder + ": " + e.getMessage(), e);
        }
    }
}
