package io.probehost.remote.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Slows down wrong tokens per source address: the n-th refusal in a row from one address waits
 * {@code base * 2^(n-1)}, at most {@code max}, before the refusal is sent. A right token clears the count.
 */
final class AuthThrottle {
    private final Duration base;
    private final Duration max;
    private final Map<String, Integer> failures = new HashMap<>();

    AuthThrottle(Duration base, Duration max) {
        this.base = base;
        this.max = max;
    }

    /** Counts a wrong token from {@code address} and returns how long to wait before refusing it. */
    synchronized Duration refused(String address) {
        int count = failures.merge(address, 1, Integer::sum);
        int doublings = Math.min(count - 1, 20);
        Duration delay = base.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }

    synchronized void accepted(String address) {
        failures.remove(address);
    }

    synchronized int failures(String address) {
        return failures.getOrDefault(address, 0);
    }
}
