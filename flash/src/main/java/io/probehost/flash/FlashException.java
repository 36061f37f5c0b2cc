package io.probehost.flash;

import io.probehost.api.ProbeException;

/** A flash operation failed: an image that does not fit, an algorithm call that failed, a verify mismatch. */
public class FlashException extends ProbeException {
    private static final long serialVersionUID = 1L;

    public FlashException(String message) {
        super(message);
    }

    public FlashException(String message, Throwable cause) {
        super(message, cause);
    }
}
