package io.probehost.rtt;

/** Which way a channel carries bytes. */
public enum RttDirection {
    /** Target to host. */
    UP,
    /** Host to target. */
    DOWN
}
