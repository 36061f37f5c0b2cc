package io.probehost.api;

/** A debug transfer (DP/AP access, memory access) did not complete. */
public class TransferException extends ProbeException {
    private static final long serialVersionUID = 1L;

    public TransferException(String message) {
        super(message);
    }

    public TransferException(String message, Throwable cause) {
        super(message, cause);
    }
}
