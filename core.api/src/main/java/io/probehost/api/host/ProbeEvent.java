package io.probehost.api.host;

import io.probehost.api.probe.ProbeDescription;

/**
 * A probe that appeared on or left a bus.
 *
 * @param kind  arrival or departure
 * @param probe the probe as enumeration found it (for a departure, as it was last listed)
 */
public record ProbeEvent(Kind kind, ProbeDescription probe) {

    public enum Kind {
        ARRIVED('+'), DEPARTED('-');

        private final char sign;

        Kind(char sign) {
            this.sign = sign;
        }

        /** {@code +} for an arrival, {@code -} for a departure. */
        public char sign() {
            return sign;
        }
    }
}
