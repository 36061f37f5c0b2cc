package io.probehost.api.debug;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A connected target as the layers above the architecture see it: its memory, its core and its
 * breakpoint and watchpoint units. Closing it detaches the debugger (the core keeps running).
 */
@ProviderType
public interface DebugTarget extends AutoCloseable {

    /** A one-line description, such as {@code Cortex-M0 r0p0 (DPIDR 0x0BB11477)}. */
    String description();

    MemoryInterface memory();

    CoreControl core();

    BreakpointControl breakpoints();

    WatchpointControl watchpoints();

    @Override
    void close();
}
