package io.probehost.gdbserver.internal;

import java.io.PrintStream;
import java.net.InetAddress;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.probehost.api.host.DebugSession;
import io.probehost.command.CommandConsole;
import io.probehost.command.CommandLine;
import io.probehost.command.CommandSessions;
import io.probehost.command.CommandSyntax;
import io.probehost.command.ServerOptions;
import io.probehost.command.SingleClientServer;

/**
 * {@code gdb:*}: a GDB Remote Serial Protocol server in front of a probe's target. In the line
 * editor it runs in the background ({@code gdb:list}, {@code gdb:stop}); a one-shot or scripted
 * {@code gdb:serve} runs until the process is interrupted.
 */
@Component(service = GdbCommands.class, property = {"osgi.command.scope=gdb", "osgi.command.function=serve",
        "osgi.command.function=list", "osgi.command.function=stop"})
public final class GdbCommands {
    static final int DEFAULT_PORT = 3333;
    static final String SERVE = "gdb:serve " + CommandSyntax.PROBE + " [-t TARGET] [-p|--port PORT] [--bind ADDR]";
    static final String LIST = "gdb:list";
    static final String STOP = "gdb:stop [PORT]";

    private final CommandSessions sessions;
    private final GdbServers servers;

    @Activate
    public GdbCommands(@Reference CommandSessions sessions, @Reference GdbServers servers) {
        this.sessions = sessions;
        this.servers = servers;
    }

    @Descriptor("serve the target to gdb (target extended-remote :PORT): load through the flash loader, "
            + "breakpoints, watchpoints, stepping, monitor runs any shell command; loopback unless --bind; "
            + "port 0 picks a free one")
    public Object serve(CommandSession shell, @Descriptor(SERVE) String... args) {
        return CommandSyntax.of(SERVE).run(args, line -> {
            int port = ServerOptions.port(line, DEFAULT_PORT);
            InetAddress bind = ServerOptions.bind(line);
            DebugSession session = sessions.session(line);
            String probe = session.probeDescription().uniqueId();
            PrintStream out = CommandConsole.out(shell);
            SingleClientServer server = servers.start(bind, port, () -> current(line, session), probe, out);
            String target = session.targetDescription().map(d -> d.name()).orElse(session.target().description());
            String started = "GDB server for " + target + " through " + probe + " on " + server.address();
            return ServerOptions.keepServing(shell, out, started, server, "gdb:stop");
        });
    }

    /** The session to debug: the one served when still open, else the line's choice again. */
    private DebugSession current(CommandLine line, DebugSession first) {
        return first.isOpen() ? first : sessions.session(line);
    }

    @Descriptor("list the GDB servers that run")
    public Object list(@Descriptor(LIST) String... args) {
        return CommandSyntax.of(LIST).run(args, line -> servers.registry().table("GDB attached"));
    }

    @Descriptor("stop the GDB server on PORT (default the only one)")
    public Object stop(@Descriptor(STOP) String... args) {
        return CommandSyntax.of(STOP).run(args, line -> servers.registry().stop(line));
    }
}
