package io.probehost.api;

/** Root of every error Probehost reports; the message is meant to be read by a user as one line. */
public class ProbeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProbeException(String message) {
        super(message);
    }

    public ProbeException(String message, Throwable cause) {
        super(message, cause);
    }
}
