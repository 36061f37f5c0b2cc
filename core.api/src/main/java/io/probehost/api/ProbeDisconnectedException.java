package io.probehost.api;

/** The probe went away (unplugged, closed or reset) while it was being used. */
public class ProbeDisconnectedException extends ProbeException {
    private static final long serialVersionUID = 1L;

    public ProbeDisconnectedException(String message) {
        super(message);
    }

    public ProbeDisconnectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
