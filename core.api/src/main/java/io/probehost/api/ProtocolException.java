package io.probehost.api;

/** A peer answered something the protocol does not allow: wrong echo, short reply, bad parity. */
public class ProtocolException extends TransferException {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
