package io.probehost.api.debug;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A connected target as the layers above the architecture see it: its memory, its core and its
 * breakpoint and watchpoint units; what only some architectures offer is found through
 * {@link #capability(Class)}. Closing it detaches the debugger (the core keeps running).
 */
@ProviderType
public interface DebugTarget extends AutoCloseable {

    /** A one-line description, such as {@code Cortex-M0 r0p0 (DPIDR 0x0BB11477)}. */
    String description();

    MemoryInterface memory();

    CoreControl core();

    BreakpointControl breakpoints();

    WatchpointControl watchpoints();

    /**
     * An optional capability, such as {@link FunctionCaller}, or empty when this target does not
     * have it. A wrapper of a target must pass this on.
     */
    default <C extends TargetCapability> Optional<C> capability(Class<C> type) {
        return Optional.empty();
    }

    @Override
    void close();
}
