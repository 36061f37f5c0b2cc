package io.probehost.api.debug;

import java.time.Duration;

/** A function called on the target did not return within its time limit; the core was halted. */
public class FunctionCallTimeoutException extends FunctionCallException {
    private static final long serialVersionUID = 1L;
    private final Duration timeout;

    public FunctionCallTimeoutException(String function, long stoppedAt, Duration timeout, String message) {
        super(function, stoppedAt, message);
        this.timeout = timeout;
    }

    /** The limit the call had. */
    public Duration timeout() {
        return timeout;
    }
}
