package io.probehost.api.debug;

import io.probehost.api.TargetException;

/** A function called on the target did not return into its trap: it halted somewhere else. */
public class FunctionCallException extends TargetException {
    private static final long serialVersionUID = 1L;
    private final String function;
    private final long stoppedAt;

    public FunctionCallException(String function, long stoppedAt, String message) {
        super(message);
        this.function = function;
        this.stoppedAt = stoppedAt;
    }

    /** The {@link FunctionCall#name()} of the call. */
    public String function() {
        return function;
    }

    /** The program counter where the core stands halted now; -1 when unknown (it did not halt). */
    public long stoppedAt() {
        return stoppedAt;
    }
}
