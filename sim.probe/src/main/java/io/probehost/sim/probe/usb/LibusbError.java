package io.probehost.sim.probe.usb;

import io.probehost.api.usb.UsbException;

/** The libusb error codes the virtual bus reports through {@link UsbException#nativeCode()}. */
public enum LibusbError {
    IO(-1), INVALID_PARAM(-2), ACCESS(-3), NO_DEVICE(-4), NOT_FOUND(-5), BUSY(-6), TIMEOUT(-7), OVERFLOW(-8),
    PIPE(-9), INTERRUPTED(-10);

    private final int code;

    LibusbError(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public UsbException exception(String message) {
        return new UsbException(message + " (LIBUSB_ERROR_" + name() + ")", code);
    }
}
