package io.probehost.api.debug;

/** Which data accesses a watchpoint halts on. */
public enum WatchpointKind {
    READ, WRITE, ACCESS
}
