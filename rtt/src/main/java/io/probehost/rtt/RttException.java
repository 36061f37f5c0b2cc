package io.probehost.rtt;

import io.probehost.api.ProbeException;

/** No control block where one was looked for, or a control block or channel that makes no sense. */
public class RttException extends ProbeException {
    private static final long serialVersionUID = 1L;

    public RttException(String message) {
        super(message);
    }
}
