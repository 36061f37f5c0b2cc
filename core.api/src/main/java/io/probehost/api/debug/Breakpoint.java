package io.probehost.api.debug;

/**
 * A breakpoint that is set.
 *
 * @param address the instruction address
 * @param kind    {@link BreakpointKind#HARDWARE} or {@link BreakpointKind#SOFTWARE}, never AUTO
 */
public record Breakpoint(long address, BreakpointKind kind) {
}
