package io.probehost.gdbserver.internal;

import java.io.IOException;
import java.net.BindException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.apache.felix.service.command.CommandProcessor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.probehost.api.ProbeException;
import io.probehost.api.host.DebugSession;

/**
 * The GDB servers that run, by port. Stopping the bundle stops them all: sockets closed, threads
 * ended.
 */
@Component(service = GdbServers.class)
public final class GdbServers {
    private final MonitorCommands monitor;
    private final Map<Integer, GdbServer> servers = new TreeMap<>();

    @Activate
    public GdbServers(@Reference CommandProcessor processor) {
        this.monitor = new MonitorCommands(processor);
    }

    /** Starts a server on {@code bind:port} (port 0: a free one) for the sessions {@code sessions} gives. */
    synchronized GdbServer start(InetAddress bind, int port, Supplier<DebugSession> sessions, String probe,
            PrintStream log) {
        if (servers.containsKey(port)) {
            throw new ProbeException("a GDB server already listens on port " + port + " (gdb:stop " + port
                    + " stops it)");
        }
        GdbServer server;
        try {
            server = new GdbServer(bind, port, sessions, monitor, log, probe);
        } catch (IOException e) {
            String hint = e instanceof BindException ? " (another program listens there; -p PORT picks another port)"
                    : "";
            throw new ProbeException("cannot listen on " + bind.getHostAddress() + ":" + port + ": " + e.getMessage()
                    + hint, e);
        }
        servers.put(server.port(), server);
        server.start();
        return server;
    }

    synchronized List<GdbServer> list() {
        servers.values().removeIf(server -> !server.isRunning());
        return List.copyOf(servers.values());
    }

    /** Stops the server on {@code port}; false when none listens there. */
    boolean stop(int port) {
        GdbServer server;
        synchronized (this) {
            server = servers.remove(port);
        }
        if (server == null) {
            return false;
        }
        server.close();
        return true;
    }

    @Deactivate
    void stopAll() {
        List<GdbServer> running;
        synchronized (this) {
            running = List.copyOf(servers.values());
            servers.clear();
        }
        running.forEach(GdbServer::close);
    }
}
