package io.probehost.api.usb;

import io.probehost.api.ProbeException;

/** A USB operation failed; keeps the native (libusb) error code when there is one. */
public class UsbException extends ProbeException {
    private static final long serialVersionUID = 1L;
    private final int nativeCode;

    public UsbException(String message, int nativeCode) {
        super(message);
        this.nativeCode = nativeCode;
    }

    public int nativeCode() {
        return nativeCode;
    }
}
