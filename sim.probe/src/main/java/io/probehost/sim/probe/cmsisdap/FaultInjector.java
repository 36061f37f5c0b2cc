package io.probehost.sim.probe.cmsisdap;

import java.util.Arrays;

/**
 * Faults of one virtual probe, armed by tests and the lab. Counted faults apply to the next responses
 * the firmware produces, on whichever interface; several may be armed at once.
 */
public final class FaultInjector {
    private final Runnable unplug;
    private int disconnectAfter = -1;
    private boolean disconnectDuringNext;
    private int garble;
    private int truncate;
    private int truncateLength;
    private boolean answering = true;

    FaultInjector(Runnable unplug) {
        this.unplug = unplug;
    }

    /**
     * The probe vanishes from the bus once the host has read the responses of {@code requests} more
     * requests; 0 unplugs it now.
     */
    public void disconnectAfterRequests(int requests) {
        if (requests < 0) {
            throw new IllegalArgumentException("negative request count");
        }
        if (requests == 0) {
            unplug.run();
            return;
        }
        synchronized (this) {
            disconnectAfter = requests;
        }
    }

    /** The next request is executed (the target sees it) but the probe vanishes before answering. */
    public synchronized void disconnectDuringNextResponse() {
        disconnectDuringNext = true;
    }

    /** The next {@code count} responses carry a wrong echo byte (the command ID plus one). */
    public synchronized void garbleNextResponses(int count) {
        garble = count;
    }

    /** The next {@code count} responses are cut to at most {@code length} bytes (HID reports too). */
    public synchronized void truncateNextResponses(int count, int length) {
        truncate = count;
        truncateLength = length;
    }

    /** The firmware hangs: requests are accepted until the packet count is reached, none is answered. */
    public synchronized void stopAnswering() {
        answering = false;
    }

    /** The firmware goes on with the requests it has accepted. */
    public synchronized void resumeAnswering() {
        answering = true;
        notifyAll();
    }

    public synchronized boolean isAnswering() {
        return answering;
    }

    /** Disarms every fault and resumes answering. */
    public synchronized void clear() {
        disconnectAfter = -1;
        disconnectDuringNext = false;
        garble = 0;
        truncate = 0;
        answering = true;
        notifyAll();
    }

    synchronized void awaitAnswering() throws InterruptedException {
        while (!answering) {
            wait();
        }
    }

    /** Applies the armed faults to a response ready to go out; null means: vanish instead of answering. */
    synchronized byte[] shape(byte[] response) {
        if (disconnectDuringNext) {
            disconnectDuringNext = false;
            return null;
        }
        byte[] shaped = response;
        if (garble > 0 && shaped.length > 0) {
            garble--;
            shaped = shaped.clone();
            shaped[0] = (byte) (shaped[0] + 1);
        }
        if (truncate > 0) {
            truncate--;
            shaped = Arrays.copyOf(shaped, Math.min(truncateLength, shaped.length));
        }
        return shaped;
    }

    /** Counts a response read by the host; true when the probe must now vanish. */
    synchronized boolean responseTaken() {
        if (disconnectAfter > 0 && --disconnectAfter == 0) {
            disconnectAfter = -1;
            return true;
        }
        return false;
    }
}
