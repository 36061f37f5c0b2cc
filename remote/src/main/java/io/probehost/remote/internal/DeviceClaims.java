package io.probehost.remote.internal;

import java.util.HashMap;
import java.util.Map;

import io.probehost.api.ProbeException;

/**
 * The station's USB devices opened by remote clients: one client at a time per device, so a probe
 * used from one machine is "busy" for every other.
 */
final class DeviceClaims {
    private final Map<String, String> holders = new HashMap<>();

    /** Thrown when another client has the device open. */
    static final class BusyException extends ProbeException {
        private static final long serialVersionUID = 1L;

        BusyException(String message) {
            super(message);
        }
    }

    synchronized void take(String device, String client) {
        String holder = holders.putIfAbsent(device, client);
        if (holder != null) {
            throw new BusyException("probe busy: USB device " + device + " is in use by " + holder);
        }
    }

    synchronized void give(String device) {
        holders.remove(device);
    }
}
