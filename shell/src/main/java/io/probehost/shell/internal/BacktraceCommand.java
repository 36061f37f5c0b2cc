package io.probehost.shell.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.probehost.api.ProbeException;
import io.probehost.api.debug.CoreControl;
import io.probehost.api.debug.DebugTarget;
import io.probehost.api.debug.FaultReport;
import io.probehost.api.debug.MemoryInterface;
import io.probehost.api.host.DebugSession;
import io.probehost.command.CommandSessions;
import io.probehost.command.CommandSyntax;
import io.probehost.flash.format.debug.Backtrace;
import io.probehost.flash.format.debug.DebugInfo;
import io.probehost.flash.format.debug.DwarfRegisters;
import io.probehost.flash.format.debug.UnwindArchitecture;
import io.probehost.flash.format.debug.Unwinder;

/** {@code target:backtrace}: the halted core's call stack, named from an ELF file's debug information. */
@Component(service = BacktraceCommand.class, property = {"osgi.command.scope=target",
        "osgi.command.function=backtrace"})
public final class BacktraceCommand {
    static final String BACKTRACE = "target:backtrace " + CommandSyntax.PROBE + " [--elf FILE]";

    private final CommandSessions sessions;

    @Activate
    public BacktraceCommand(@Reference CommandSessions sessions) {
        this.sessions = sessions;
    }

    @Descriptor("print the halted core's call stack (gdb's bt: frame, pc, function, file:line, inlined calls marked) "
            + "and, in an exception handler, the fault in words; --elf: the firmware's ELF file with its symbols "
            + "and debug information")
    public Object backtrace(@Descriptor(BACKTRACE) String... args) {
        return CommandSyntax.of(BACKTRACE).run(args, line -> {
            Path elf = Path.of(line.option("--elf").orElseThrow(() -> line.usageError("--elf FILE is required")));
            if (!Files.isRegularFile(elf)) {
                throw new ProbeException("no such file: " + elf);
            }
            DebugInfo info = DebugInfo.read(elf);
            UnwindArchitecture arch = info.architecture().orElseThrow(() -> new ProbeException(
                    elf + ": machine " + info.machine() + " is neither Arm nor RISC-V"));
            DebugSession session = sessions.session(line);
            DebugTarget target = session.target();
            CoreControl core = TargetCommands.halted(session, "unwind the stack");
            MemoryInterface memory = target.memory();
            Backtrace trace = new Unwinder(info, arch).unwind(DwarfRegisters.read(core, info.machine()),
                    address -> memory.read32(address) & 0xFFFF_FFFFL);
            List<String> fault = target.capability(FaultReport.class).map(FaultReport::describe).orElse(List.of());
            return BacktraceText.format(trace, fault);
        });
    }
}
