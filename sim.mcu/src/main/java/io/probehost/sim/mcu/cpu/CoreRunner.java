package io.probehost.sim.mcu.cpu;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Runs a {@link Core} on its own thread. One fair lock guards the core and everything on its bus;
 * the thread executes batches of instructions under it and lets other users in between batches.
 * When the core cannot run (halted, held in reset, locked up, asleep) the thread waits on a condition.
 */
public final class CoreRunner implements AutoCloseable {
    private static final int BATCH = 2000;

    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition changed = lock.newCondition();
    private final Core core;
    private final Thread thread;
    private boolean closed;

    public CoreRunner(Core core, String threadName) {
        this.core = core;
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    public ReentrantLock lock() {
        return lock;
    }

    /** Wakes the CPU thread and waiters after a state change; the caller holds the lock. */
    public void signalChange() {
        changed.signalAll();
    }

    /**
     * Waits (holding the lock on return) until {@code condition} holds, re-checking after every
     * batch the CPU thread runs. Returns false if the runner closed first. The caller holds the lock.
     */
    public boolean awaitUntil(BooleanSupplier condition) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            if (closed) {
                return false;
            }
            changed.await(100, TimeUnit.MILLISECONDS);
        }
        return true;
    }

    private void run() {
        lock.lock();
        try {
            while (!closed) {
                if (!core.canRun()) {
                    changed.signalAll();
                    changed.await();
                    continue;
                }
                for (int i = 0; i < BATCH && core.canRun(); i++) {
                    core.step();
                }
                changed.signalAll();
                lock.unlock();
                lock.lock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (Thread.currentThread() != thread) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
