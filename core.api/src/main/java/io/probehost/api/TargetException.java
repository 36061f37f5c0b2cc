package io.probehost.api;

/** The target did not behave as asked: it did not halt, a core register was not ready, a reset failed. */
public class TargetException extends ProbeException {
    private static final long serialVersionUID = 1L;

    public TargetException(String message) {
        super(message);
    }

    public TargetException(String message, Throwable cause) {
        super(message, cause);
    }
}
