package io.probehost.command.backtrace;

import java.util.List;

import io.probehost.api.ProbeException;
import io.probehost.api.debug.DebugTarget;
import io.probehost.api.debug.FaultReport;
import io.probehost.api.debug.MemoryInterface;
import io.probehost.flash.format.debug.Backtrace;
import io.probehost.flash.format.debug.DebugInfo;
import io.probehost.flash.format.debug.DwarfRegisters;
import io.probehost.flash.format.debug.UnwindArchitecture;
import io.probehost.flash.format.debug.Unwinder;

/**
 * The call stack of a halted core, named from the firmware's debug information, as every command
 * that shows one prints it ({@code target:backtrace}, {@code run} when the firmware stops): one line
 * a frame, as gdb's {@code bt} ({@code #0 0x00000d92 in read_sensor at sensor.c:12}), why the walk
 * ended, then the target's {@link FaultReport} under {@code Fault:} when the core handles an exception.
 */
public final class TargetBacktrace {

    private TargetBacktrace() {
    }

    /** Unwinds the halted core of {@code target} with {@code info} and returns the text; the core must be halted. */
    public static String text(DebugTarget target, DebugInfo info) {
        UnwindArchitecture arch = info.architecture().orElseThrow(() -> new ProbeException(
                "machine " + info.machine() + " of the ELF file is neither Arm nor RISC-V"));
        MemoryInterface memory = target.memory();
        Backtrace trace = new Unwinder(info, arch).unwind(DwarfRegisters.read(target.core(), info.machine()),
                address -> memory.read32(address) & 0xFFFF_FFFFL);
        List<String> fault = target.capability(FaultReport.class).map(FaultReport::describe).orElse(List.of());
        return BacktraceText.format(trace, fault);
    }
}
