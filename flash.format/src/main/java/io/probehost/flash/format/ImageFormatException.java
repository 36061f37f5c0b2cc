package io.probehost.flash.format;

import io.probehost.api.ProbeException;

/**
 * A file that cannot be read as what it claims to be. The message is one line naming the file and
 * the line, block, offset or field at fault; nothing half-parsed is ever returned with it.
 */
public class ImageFormatException extends ProbeException {
    private static final long serialVersionUID = 1L;

    public ImageFormatException(String message) {
        super(message);
    }

    public ImageFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
