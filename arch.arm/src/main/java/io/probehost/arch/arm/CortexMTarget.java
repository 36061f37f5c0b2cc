package io.probehost.arch.arm;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import io.probehost.api.debug.BreakpointControl;
import io.probehost.api.debug.CoreControl;
import io.probehost.api.debug.FunctionCaller;
import io.probehost.api.debug.MemoryInterface;
import io.probehost.api.debug.WatchpointControl;

/**
 * A connected Cortex-M core behind an ADIv5 debug port: its memory, run control, breakpoints and
 * watchpoints, plus what was discovered on the way. Not thread-safe: one session drives it.
 */
@ProviderType
public interface CortexMTarget extends AutoCloseable {

    /** DPIDR read when the debug port was connected. */
    int dpidr();

    /** Every AP found, in APSEL order. */
    List<AccessPortInfo> accessPorts();

    /** The MEM-AP the core is reached through. */
    AccessPortInfo memoryAccessPort();

    /** Components found in the ROM tables of that MEM-AP (empty when it has none). */
    List<CoreSightComponent> components();

    int cpuid();

    CortexMType coreType();

    MemoryInterface memory();

    CoreControl core();

    BreakpointControl breakpoints();

    WatchpointControl watchpoints();

    /** Calls functions on the halted core as the AAPCS has it (flash algorithms run through this). */
    FunctionCaller functionCaller();

    /**
     * Removes every breakpoint and watchpoint, clears vector catch and lets the core run (when
     * {@code resume}). Does not close the probe.
     */
    void detach(boolean resume);

    /** {@link #detach(boolean) detach(true)}, ignoring a target that went away. */
    @Override
    void close();
}
