package io.probehost.arch.arm.internal;

/**
 * The time a wait for the target goes by: the JVM's monotonic clock, or a fake one in tests (public
 * for the tests of other modules).
 */
public interface Ticker {
    /**
     * {@link System#nanoTime()}, yielding the processor between polls: a return is seen within one
     * round trip, and the lab's CPU thread on the same machine gets to run (without the yield, the
     * lab's flash benchmark needs about twice the round trips).
     */
    Ticker YIELDING = new Ticker() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void pause() {
            Thread.yield();
        }
    };

    long nanoTime();

    /** Called between two polls. */
    void pause();
}
