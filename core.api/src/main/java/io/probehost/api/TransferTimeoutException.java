package io.probehost.api;

/** A transfer got no answer in time: a USB timeout, or the target kept answering WAIT. */
public class TransferTimeoutException extends TransferException {
    private static final long serialVersionUID = 1L;

    public TransferTimeoutException(String message) {
        super(message);
    }

    public TransferTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
