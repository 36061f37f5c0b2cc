package io.probehost.arch.arm.internal;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded polling: at least a few attempts, then until a deadline. */
final class Polling {
    private static final int MINIMUM_ATTEMPTS = 3;
    private static final int ATTEMPTS_BEFORE_SLEEPING = 16;

    private Polling() {
    }

    /** Returns true as soon as the condition holds, false when the time is up. */
    static boolean until(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int attempt = 1;; attempt++) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (attempt >= MINIMUM_ATTEMPTS && System.nanoTime() - deadline >= 0) {
                return false;
            }
            if (attempt >= ATTEMPTS_BEFORE_SLEEPING) {
                pause();
            }
        }
    }

    static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new io.probehost.api.TargetException("interrupted while waiting for the target", interrupted);
        }
    }

    static String millis(Duration timeout) {
        return timeout.toMillis() + " ms";
    }
}
