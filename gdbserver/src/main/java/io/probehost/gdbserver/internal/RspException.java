package io.probehost.gdbserver.internal;

import io.probehost.api.ProbeException;

/** A request the GDB server cannot parse; answered with an error packet, never fatal to the connection. */
final class RspException extends ProbeException {
    private static final long serialVersionUID = 1L;

    RspException(String message) {
        super(message);
    }
}
