package io.probehost.sim.mcu.cpu;

import io.probehost.sim.mcu.VirtualClock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Runs a {@link Core} (or any other {@link Steppable} processor). One fair lock guards the core and everything on its bus.
 *
 * <p>Two ways time passes. In lockstep, a debug link lets modelled time elapse ({@link #runFor}) and
 * the core executes, on the caller's thread, exactly as many cycles as fit into that time before the
 * link's next transaction is served; so a flash algorithm takes its modelled time as seen from the
 * link, and a debugger polling it finds it still busy as on silicon. When no link has let time pass
 * for {@link #LOCKSTEP_LEASE_NANOS} of host time (nobody is talking to the target), the core runs
 * free on its own thread, in batches of instructions, letting other users in between batches. When
 * the core cannot run (halted, held in reset, locked up, asleep) that thread waits on a condition.
 */
public final class CoreRunner implements AutoCloseable {
    /** Host time after the last {@link #runFor} during which the core only runs in lockstep. */
    public static final long LOCKSTEP_LEASE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final int BATCH = 2000;

    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition changed = lock.newCondition();
    private final Steppable core;
    private final VirtualClock clock;
    private final Thread thread;
    private boolean closed;
    private boolean mayRunFree = true;
    private boolean lockstep;
    private long lockstepEndsHostNanos;

    /** A processor the runner can step: one instruction (or one wait) per {@link #step}. */
    public interface Steppable {
        /** Whether {@link #step} would make progress (not halted, not held in reset, not asleep for good). */
        boolean canRun();

        void step();

        /**
         * Steps at most {@code maxSteps} times while {@link #canRun()} and {@code clock} reads earlier
         * than {@code untilNanos}, checking both before each step; returns the steps taken.
         */
        default int run(int maxSteps, VirtualClock clock, long untilNanos) {
            int steps = 0;
            while (steps < maxSteps && clock.nowNanos() < untilNanos && canRun()) {
                step();
                steps++;
            }
            return steps;
        }
    }

    public CoreRunner(Steppable core, VirtualClock clock, String threadName) {
        this.core = core;
        this.clock = clock;
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    public ReentrantLock lock() {
        return lock;
    }

    /** Runs {@code action} under the lock and wakes the CPU thread to look at the change. */
    public <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            T result = action.get();
            changed.signalAll();
            return result;
        } finally {
            lock.unlock();
        }
    }

    public void locked(Runnable action) {
        locked(() -> {
            action.run();
            return null;
        });
    }

    /** Wakes the CPU thread and waiters after a state change; the caller holds the lock. */
    public void signalChange() {
        changed.signalAll();
    }

    /**
     * Lets {@code nanos} of modelled time pass with the core executing in them (lockstep): steps the
     * core on the caller's thread until the clock reaches the end of that time or the core cannot run,
     * then moves the clock to it. An instruction (or a sleep until the next interrupt) that ends past
     * it leaves the clock there.
     */
    public void runFor(long nanos) {
        lock.lock();
        try {
            long until = clock.nowNanos() + nanos;
            lockstep = true;
            lockstepEndsHostNanos = System.nanoTime() + LOCKSTEP_LEASE_NANOS;
            while (!closed && core.run(BATCH, clock, until) == BATCH) {
                // between batches: let close() in
            }
            clock.advanceTo(until);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether the core may run free on its own thread when no link lets time pass (the default); with
     * false it only ever runs in lockstep, so that figures taken from modelled time cannot depend on
     * pauses of the host (benchmarks, tests of the lockstep). The caller holds the lock.
     */
    public void setMayRunFree(boolean mayRunFree) {
        this.mayRunFree = mayRunFree;
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

    /**
     * Host nanoseconds until the core may run free on the CPU thread: 0 now, Long.MAX_VALUE not until
     * something changes. The caller holds the lock.
     */
    private long nanosUntilFree() {
        if (!mayRunFree) {
            return Long.MAX_VALUE;
        }
        if (!lockstep) {
            return 0;
        }
        long left = lockstepEndsHostNanos - System.nanoTime();
        if (left <= 0) {
            lockstep = false;
            return 0;
        }
        return left;
    }

    private void run() {
        lock.lock();
        try {
            while (!closed) {
                long untilFree = nanosUntilFree();
                if (untilFree > 0 || !core.canRun()) {
                    changed.signalAll();
                    if (untilFree > 0 && untilFree < Long.MAX_VALUE) {
                        changed.awaitNanos(untilFree);
                    } else {
                        changed.await();
                    }
                    continue;
                }
                core.run(BATCH, clock, Long.MAX_VALUE);
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
        close(() -> { });
    }

    /**
     * Stops the CPU thread (idempotent) and, on the first close only, then runs {@code lastAction}
     * under the lock: a chip saves its non-volatile memory there.
     */
    public void close(Runnable lastAction) {
        boolean first;
        lock.lock();
        try {
            first = !closed;
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
        if (first) {
            locked(lastAction);
        }
    }
}
