package io.probehost.dapserver.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.felix.service.command.CommandProcessor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.probehost.api.ProbeException;

/** The DAP servers that run, by port. Stopping the bundle stops them all: sockets closed, threads ended. */
@Component(service = DapServers.class)
public final class DapServers {
    private final ShellCommands shell;
    private final Map<Integer, DapServer> servers = new TreeMap<>();

    @Activate
    public DapServers(@Reference CommandProcessor processor) {
        this.shell = new ShellCommands(processor);
    }

    /** Starts a server on {@code bind:port} (port 0: a free one) that opens its sessions through {@code sessions}. */
    synchronized DapServer start(InetAddress bind, int port, DebugAdapter.SessionSource sessions, String probe,
            PrintStream log) {
        if (servers.containsKey(port)) {
            throw new ProbeException("a DAP server already listens on port " + port + " (dap:stop " + port
                    + " stops it)");
        }
        DapServer server;
        try {
            server = new DapServer(bind, port, sessions, shell, log, probe);
        } catch (IOException e) {
            throw new ProbeException("cannot listen on " + bind.getHostAddress() + ":" + port + ": " + e.getMessage(), e);
        }
        servers.put(server.port(), server);
        server.start();
        return server;
    }

    synchronized List<DapServer> list() {
        servers.values().removeIf(server -> !server.isRunning());
        return List.copyOf(servers.values());
    }

    /** Stops the server on {@code port}; false when none listens there. */
    boolean stop(int port) {
        DapServer server;
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
        List<DapServer> running;
        synchronized (this) {
            running = List.copyOf(servers.values());
            servers.clear();
        }
        running.forEach(DapServer::close);
    }
}
