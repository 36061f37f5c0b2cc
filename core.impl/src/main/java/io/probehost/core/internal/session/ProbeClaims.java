package io.probehost.core.internal.session;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.probehost.api.ProbeBusyException;
import io.probehost.api.ProbeException;
import io.probehost.api.host.ProbeClaim;
import io.probehost.api.probe.ProbeDescription;

/**
 * Who uses which probe: at most one claim per probe (by driver and unique ID). A second user fails
 * at once, or waits for a bounded time or until interrupted. Claims on different probes never wait
 * for each other.
 */
final class ProbeClaims {
    private final Map<String, Held> held = new HashMap<>();

    ProbeClaim claim(ProbeDescription probe, String user, Duration wait) {
        String key = key(probe);
        long deadline = wait == null ? Long.MAX_VALUE : System.nanoTime() + wait.toNanos();
        synchronized (this) {
            while (held.containsKey(key)) {
                long left = deadline - System.nanoTime();
                if (wait == null || left > 0) {
                    try {
                        if (wait == null) {
                            wait();
                        } else {
                            TimeUnit.NANOSECONDS.timedWait(this, left);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new ProbeException("interrupted while waiting for probe " + probe.uniqueId()
                                + " (used by " + held.get(key).user() + ")");
                    }
                    continue;
                }
                throw new ProbeBusyException(probe.uniqueId(), held.get(key).user());
            }
            Held claim = new Held(key, probe, user);
            held.put(key, claim);
            return claim;
        }
    }

    synchronized boolean isClaimed(ProbeDescription probe) {
        return held.containsKey(key(probe));
    }

    private synchronized void release(Held claim) {
        if (held.get(claim.key) == claim) {
            held.remove(claim.key);
            notifyAll();
        }
    }

    /** A probe's identity across enumerations: its driver and unique ID (its location may change). */
    static String key(ProbeDescription probe) {
        return probe.driver() + ":" + probe.uniqueId();
    }

    private final class Held implements ProbeClaim {
        private final String key;
        private final ProbeDescription probe;
        private final String user;

        Held(String key, ProbeDescription probe, String user) {
            this.key = key;
            this.probe = probe;
            this.user = user;
        }

        @Override
        public ProbeDescription probe() {
            return probe;
        }

        @Override
        public String user() {
            return user;
        }

        @Override
        public void close() {
            release(this);
        }
    }
}
