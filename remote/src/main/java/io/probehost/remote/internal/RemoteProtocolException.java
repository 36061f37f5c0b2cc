package io.probehost.remote.internal;

import io.probehost.api.ProbeException;

/** The remote protocol was broken: a malformed, unexpected or oversized frame, or a lost connection. */
class RemoteProtocolException extends ProbeException {
    private static final long serialVersionUID = 1L;

    RemoteProtocolException(String message) {
        super(message);
    }

    RemoteProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
