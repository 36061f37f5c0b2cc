package io.probehost.driver.cmsisdap.internal;

import io.probehost.api.probe.DapAccess.DapBlockRead;

/**
 * A queued DAP_TransferBlock read, spread over one or more packets; {@link #get()} sends and waits
 * for what is queued up to its last packet when needed. It fails with the first error of any of
 * its packets, or of an access queued before it.
 */
final class PendingBlockRead implements DapBlockRead, AwaitedResult {
    private final TransferEngine engine;
    private final int[] values;
    private int answered;
    private RuntimeException error;

    PendingBlockRead(TransferEngine engine, int count) {
        this.engine = engine;
        this.values = new int[count];
    }

    @Override
    public int[] get() {
        synchronized (engine) {
            if (!isDone()) {
                engine.complete(this);
            }
            if (error != null) {
                engine.reported(error);
                throw error;
            }
            return values;
        }
    }

    @Override
    public boolean isDone() {
        return error != null || answered == values.length;
    }

    /** The words, complete or not: for the engine's own blocking read, which checks errors itself. */
    int[] values() {
        return values;
    }

    /** One packet's words arrived; {@code offset} is the index of its first word. */
    void answer(int offset, int[] words) {
        if (error == null) {
            System.arraycopy(words, 0, values, offset, words.length);
            answered += words.length;
        }
    }

    void fail(RuntimeException cause) {
        if (!isDone()) {
            error = cause;
        }
    }
}
