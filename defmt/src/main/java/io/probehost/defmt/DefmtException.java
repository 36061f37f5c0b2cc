package io.probehost.defmt;

import io.probehost.api.ProbeException;

/** defmt metadata that cannot be used, or a frame that does not decode against the table. */
public class DefmtException extends ProbeException {
    private static final long serialVersionUID = 1L;

    public DefmtException(String message) {
        super(message);
    }
}
