package io.probehost.remote.internal;

import io.probehost.api.ProbeDisconnectedException;
import io.probehost.api.ProbeException;
import io.probehost.api.TransferTimeoutException;
import io.probehost.api.usb.UsbException;

/** The failures an {@link MessageType#ERROR} frame carries, each turned back into the exception the station saw. */
enum ErrorKind {
    PROTOCOL(1), AUTH_REFUSED(2), USB(3), TIMEOUT(4), DISCONNECTED(5), BUSY(6), OTHER(7);

    private final int code;

    ErrorKind(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }

    static ErrorKind fromCode(int code) {
        for (ErrorKind kind : values()) {
            if (kind.code == code) {
                return kind;
            }
        }
        throw new RemoteProtocolException("unknown error kind " + code);
    }

    static ErrorKind of(RuntimeException error) {
        if (error instanceof TransferTimeoutException) {
            return TIMEOUT;
        }
        if (error instanceof ProbeDisconnectedException) {
            return DISCONNECTED;
        }
        if (error instanceof UsbException) {
            return USB;
        }
        if (error instanceof RemoteProtocolException) {
            return PROTOCOL;
        }
        return OTHER;
    }

    /** The exception a client throws for this error, as the station's own code would have thrown it. */
    RuntimeException toException(String station, int nativeCode, String message) {
        String text = "station " + station + ": " + message;
        return switch (this) {
            case TIMEOUT -> new TransferTimeoutException(text);
            case DISCONNECTED -> new ProbeDisconnectedException(text);
            case USB -> new UsbException(text, nativeCode);
            case PROTOCOL -> new RemoteProtocolException(text);
            case AUTH_REFUSED -> new RemoteAuthException(text);
            case BUSY, OTHER -> new ProbeException(text);
        };
    }
}
