package io.probehost.arch.arm.internal;

/** A read word that arrives later, or the error that stopped it. */
final class PendingWord {
    private int value;
    private boolean done;
    private RuntimeException failure;

    void complete(int word) {
        value = word;
        done = true;
    }

    void fail(RuntimeException error) {
        if (!done) {
            failure = error;
            done = true;
        }
    }

    boolean done() {
        return done;
    }

    RuntimeException failure() {
        return failure;
    }

    int value() {
        if (failure != null) {
            throw failure;
        }
        return value;
    }
}
