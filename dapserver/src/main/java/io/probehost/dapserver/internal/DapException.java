package io.probehost.dapserver.internal;

import io.probehost.api.ProbeException;

/** A request the debug adapter refuses; its message becomes the DAP error response. */
final class DapException extends ProbeException {
    private static final long serialVersionUID = 1L;

    DapException(String message) {
        super(message);
    }
}
