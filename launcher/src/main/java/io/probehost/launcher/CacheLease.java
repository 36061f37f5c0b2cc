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

/**
 * The framework cache a run may use. The state folder's cache is taken with a file lock for the
 * whole run, because two frameworks on one cache overwrite each other's bundles (after which no
 * run starts). A process that cannot take it within a short wait (another shell is open) runs on
 * a private temporary cache instead, which is deleted when it ends.
 */
final class CacheLease implements AutoCloseable {
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
     * @param waitMillis  how long to wait for another process to let it go
     */
    static CacheLease take(Path shared, long waitMillis) {
        Path lockPath = shared.resolveSibling(shared.getFileName() + ".lock");
        try {
            Files.createDirectories(shared);
            FileChannel channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            long deadline = System.currentTimeMillis() + waitMillis;
            FileLock lock;
            while ((lock = channel.tryLock()) == null && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            if (lock != null) {
                return new CacheLease(shared, channel, lock);
            }
            channel.close();
            Path temporary = Files.createTempDirectory("probehost-" + shared.getFileName() + "-");
            System.err.println("Warning: another probehost is using " + shared + "; this one runs on a temporary "
                    + "framework cache (bundles added with driver:install are not there)");
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
