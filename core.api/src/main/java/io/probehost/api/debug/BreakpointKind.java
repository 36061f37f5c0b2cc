package io.probehost.api.debug;

/** Where a breakpoint lives. */
public enum BreakpointKind {
    /** A comparator of the core's breakpoint unit; works in flash, limited in number. */
    HARDWARE,
    /** A breakpoint instruction written over the code; RAM only. */
    SOFTWARE,
    /** Hardware when the address and a free comparator allow, software otherwise. */
    AUTO
}
