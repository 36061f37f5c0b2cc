package io.probehost.shell.internal;

/** Help texts of the flags the device commands share (annotation values must be constants). */
final class Flags {
    static final String UID = "probe unique ID, whole or any part of it, case-insensitive; driver:ID limits the driver";
    static final String NO_WAIT = "fail at once when no debug probe is connected, instead of waiting for one";
    static final String OPTION = "session option name=value (repeat -O for more; option:list shows them)";
    static final String ARGS = "arguments, as the usage says";

    private Flags() {
    }
}
