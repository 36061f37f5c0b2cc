package io.probehost.remote.internal;

/** {@code HOST:PORT} of a station's remote endpoint. */
record StationAddress(String host, int port) {

    StationAddress {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("not a TCP port: " + port);
        }
    }

    /** Parses {@code HOST:PORT}; an IPv6 host goes in brackets. */
    static StationAddress parse(String text) {
        String trimmed = text.trim();
        int colon = trimmed.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("a station is HOST:PORT, not '" + text + "'");
        }
        String host = trimmed.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return new StationAddress(host, Integer.parseInt(trimmed.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a station is HOST:PORT, not '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
