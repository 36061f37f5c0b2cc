package io.probehost.client;

/** A station connection carried bytes that are not a frame of the protocol (a corrupt or foreign peer). */
public final class StationProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StationProtocolException(String message) {
        super(message);
    }
}
