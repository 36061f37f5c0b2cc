package io.probehost.shell.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.probehost.api.ProbeException;
import io.probehost.api.host.DebugSession;
import io.probehost.command.CommandSessions;
import io.probehost.command.CommandSyntax;
import io.probehost.command.backtrace.TargetBacktrace;
import io.probehost.flash.format.debug.DebugInfo;

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
            DebugSession session = sessions.session(line);
            TargetCommands.halted(session, "unwind the stack");
            return TargetBacktrace.text(session.target(), info);
        });
    }
}
