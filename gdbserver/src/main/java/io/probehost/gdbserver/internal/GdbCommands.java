package io.probehost.gdbserver.internal;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.probehost.api.host.DebugSession;
import io.probehost.api.text.Numbers;
import io.probehost.api.text.TextTable;
import io.probehost.command.CommandConsole;
import io.probehost.command.CommandLine;
import io.probehost.command.CommandSessions;
import io.probehost.command.CommandSyntax;

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
            int port = port(line, line.option("-p").orElse(Integer.toString(DEFAULT_PORT)));
            InetAddress bind = bind(line);
            DebugSession session = sessions.session(line);
            String probe = session.probeDescription().uniqueId();
            PrintStream out = CommandConsole.out(shell);
            boolean background = shell != null && shell.get(CommandConsole.TERMINAL_VARIABLE) != null;
            GdbServer server = servers.start(bind, port, () -> current(line, session), probe, out);
            String target = session.targetDescription().map(d -> d.name()).orElse(session.target().description());
            String started = "GDB server for " + target + " through " + probe + " on " + server.address();
            if (background) {
                return started + " (gdb:stop " + server.port() + " stops it)";
            }
            out.println(started + "; Ctrl-C stops");
            out.flush();
            awaitEnd(server);
            return null;
        });
    }

    /** The session to debug: the one served when still open, else the line's choice again. */
    private DebugSession current(CommandLine line, DebugSession first) {
        return first.isOpen() ? first : sessions.session(line);
    }

    private static void awaitEnd(GdbServer server) {
        try {
            while (server.isRunning()) {
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Descriptor("list the GDB servers that run")
    public Object list(@Descriptor(LIST) String... args) {
        return CommandSyntax.of(LIST).run(args, line -> {
            TextTable table = new TextTable("Port", "Address", "Probe", "GDB attached").numeric(0);
            for (GdbServer server : servers.list()) {
                table.row(server.port(), server.address(), server.probe(),
                        server.client().isEmpty() ? "-" : server.client());
            }
            return table.isEmpty() ? "No GDB server runs" : table.toString();
        });
    }

    @Descriptor("stop the GDB server on PORT (default the only one)")
    public Object stop(@Descriptor(STOP) String... args) {
        return CommandSyntax.of(STOP).run(args, line -> {
            int port;
            if (line.optionalArgument(0).isPresent()) {
                port = port(line, line.argument(0));
            } else if (servers.list().size() == 1) {
                port = servers.list().get(0).port();
            } else {
                throw line.usageError(servers.list().isEmpty() ? "no GDB server runs" : "name the PORT (gdb:list)");
            }
            if (!servers.stop(port)) {
                throw line.usageError("no GDB server on port " + port + " (gdb:list)");
            }
            return "Stopped the GDB server on port " + port;
        });
    }

    private static int port(CommandLine line, String text) {
        long port = Numbers.parse(text, "port");
        if (port < 0 || port > 0xFFFF) {
            throw line.usageError("port " + port + " is not a TCP port (0 picks a free one)");
        }
        return (int) port;
    }

    private static InetAddress bind(CommandLine line) {
        String address = line.option("--bind").orElse("127.0.0.1");
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw line.usageError("unknown address '" + address + "'");
        }
    }
}
