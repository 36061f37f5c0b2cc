package io.probehost.dapserver.internal;

import java.io.PrintStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
 * {@code dap:*}: a Debug Adapter Protocol server for IDEs (VS Code's {@code debugServer}). In the
 * line editor it runs in the background ({@code dap:list}, {@code dap:stop}); a one-shot or
 * scripted {@code dap:serve} runs until the process is interrupted. The probe and target come from
 * the client's launch configuration, else from {@code dap:serve}'s own {@code -u} and {@code -t}.
 */
@Component(service = DapCommands.class, property = {"osgi.command.scope=dap", "osgi.command.function=serve",
        "osgi.command.function=list", "osgi.command.function=stop"})
public final class DapCommands {
    static final int DEFAULT_PORT = 4711;
    static final String SERVE = "dap:serve " + CommandSyntax.PROBE + " [-t TARGET] [-p|--port PORT] [--bind ADDR]";
    static final String LIST = "dap:list";
    static final String STOP = "dap:stop [PORT]";
    /** The session a launch or attach asks for, as a command line of the session rules. */
    static final String CLIENT_SESSION = "dap:launch " + CommandSyntax.PROBE + " [-t TARGET]";

    private final CommandSessions sessions;
    private final DapServers servers;

    @Activate
    public DapCommands(@Reference CommandSessions sessions, @Reference DapServers servers) {
        this.sessions = sessions;
        this.servers = servers;
    }

    @Descriptor("serve the Debug Adapter Protocol (VS Code and other IDEs, port 4711): launch flashes the ELF, "
            + "line, function and instruction breakpoints, stack with source lines, registers and locals, stepping, "
            + "memory; the debug console runs shell commands; loopback unless --bind; port 0 picks a free one")
    public Object serve(CommandSession shell, @Descriptor(SERVE) String... args) {
        return CommandSyntax.of(SERVE).run(args, line -> {
            int port = ServerOptions.port(line, DEFAULT_PORT);
            InetAddress bind = ServerOptions.bind(line);
            PrintStream out = CommandConsole.out(shell);
            String probe = line.uid().orElse("");
            SingleClientServer server = servers.start(bind, port, (uid, target) -> open(line, uid, target), probe, out);
            String started = "DAP server on " + server.address()
                    + (probe.isEmpty() ? "" : " for probe " + probe);
            return ServerOptions.keepServing(shell, out, started, server, "dap:stop");
        });
    }

    /**
     * The session a client's launch or attach names, falling back to {@code dap:serve}'s choice; never
     * prompts. Opened as a command of its own, so the probe is claimed only while it opens: the shell
     * commands the client's console runs later claim it in their turn, as a GDB server's monitor does.
     */
    private DebugSession open(CommandLine serve, Optional<String> probe, Optional<String> target) {
        return (DebugSession) CommandSyntax.of(CLIENT_SESSION).run(clientSessionArguments(serve, probe, target),
                sessions::session);
    }

    static String[] clientSessionArguments(CommandLine serve, Optional<String> probe, Optional<String> target) {
        List<String> args = new ArrayList<>();
        probe.or(serve::uid).ifPresent(uid -> args.addAll(List.of("-u", uid)));
        target.or(serve::target).ifPresent(name -> args.addAll(List.of("-t", name)));
        serve.sessionOptions().forEach((name, value) -> args.addAll(List.of("-O", name + "=" + value)));
        args.add("-W");
        return args.toArray(String[]::new);
    }

    @Descriptor("list the DAP servers that run")
    public Object list(@Descriptor(LIST) String... args) {
        return CommandSyntax.of(LIST).run(args, line -> servers.registry().table("Client"));
    }

    @Descriptor("stop the DAP server on PORT (default the only one)")
    public Object stop(@Descriptor(STOP) String... args) {
        return CommandSyntax.of(STOP).run(args, line -> servers.registry().stop(line));
    }
}
