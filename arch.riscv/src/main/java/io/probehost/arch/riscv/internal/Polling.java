package io.probehost.arch.riscv.internal;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import io.probehost.api.TargetException;

/**
 * Polls a condition over the link until it holds or time runs out. It is checked a few times even
 * when the time is up, so that a busy host (a slow check) does not fail a target that did answer.
 */
final class Polling {
    private static final int MINIMUM_CHECKS = 3;
    private static final int CHECKS_BEFORE_SLEEPING = 8;

    private Polling() {
    }

    static void until(BooleanSupplier condition, Duration timeout, String failure) {
        if (!holdsWithin(condition, timeout)) {
            throw new TargetException(failure);
        }
    }

    static boolean holdsWithin(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int check = 1; !condition.getAsBoolean(); check++) {
            if (check >= MINIMUM_CHECKS && System.nanoTime() - deadline >= 0) {
                return false;
            }
            if (check >= CHECKS_BEFORE_SLEEPING) {
                sleepOneMillisecond();
            }
        }
        return true;
    }

    private static void sleepOneMillisecond() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException("interrupted while waiting for the RISC-V target", e);
        }
    }
}
