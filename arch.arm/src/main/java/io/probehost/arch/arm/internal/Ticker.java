package io.probehost.arch.arm.internal;

/** The time polling loops go by: the JVM's monotonic clock, or a fake one in tests (public for those in other modules). */
public interface Ticker {
    /** {@link System#nanoTime()}, pausing 1 ms between polls. */
    Ticker SYSTEM = new Ticker() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void pause() {
            Polling.pause();
        }
    };

    long nanoTime();

    /** Waits a little before the next poll. */
    void pause();
}
