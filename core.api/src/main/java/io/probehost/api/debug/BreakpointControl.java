package io.probehost.api.debug;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Breakpoints of one core. A software breakpoint saves the instruction it covers and puts it back
 * when removed. Out of comparators, or an address the unit cannot cover, throws
 * {@link io.probehost.api.TargetException} naming the address.
 */
@ProviderType
public interface BreakpointControl {

    /** How many hardware breakpoints the core has in all. */
    int hardwareBreakpointCount();

    /** How many hardware breakpoints are still free. */
    int freeHardwareBreakpoints();

    /** Sets a breakpoint; setting one twice at the same address returns the existing one. */
    Breakpoint addBreakpoint(long address, BreakpointKind kind);

    /** Removes the breakpoint at this address; returns false when there was none. */
    boolean removeBreakpoint(long address);

    List<Breakpoint> breakpoints();

    void removeAllBreakpoints();
}
