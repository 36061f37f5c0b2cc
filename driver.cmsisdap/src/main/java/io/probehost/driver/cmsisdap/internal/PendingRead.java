package io.probehost.driver.cmsisdap.internal;

import io.probehost.api.probe.DapAccess.DapRead;

/** A queued register read; {@link #get()} sends and waits for what is queued up to it when needed. */
final class PendingRead implements DapRead, AwaitedResult {
    private final TransferEngine engine;
    private boolean done;
    private int value;
    private RuntimeException error;

    PendingRead(TransferEngine engine) {
        this.engine = engine;
    }

    @Override
    public int get() {
        synchronized (engine) {
            if (!done) {
                engine.complete(this);
            }
            if (error != null) {
                engine.reported(error);
                throw error;
            }
            return value;
        }
    }

    @Override
    public boolean isDone() {
        return done;
    }

    void succeed(int readValue) {
        if (!done) {
            value = readValue;
            done = true;
        }
    }

    void fail(RuntimeException cause) {
        if (!done) {
            error = cause;
            done = true;
        }
    }
}
