package io.probehost.command;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.probehost.api.ProbeException;
import io.probehost.api.text.TextTable;

/**
 * The servers of one kind that run ({@code gdb:serve}'s, {@code dap:serve}'s), by port, with what
 * their {@code list} and {@code stop [PORT]} commands print. {@link #stopAll()} (the owning
 * component's deactivation) stops them all: sockets closed, threads ended.
 */
public final class ServerRegistry {
    /** Binds a new server; {@link ServerRegistry#start} starts it. */
    @FunctionalInterface
    public interface Opener {
        SingleClientServer open() throws IOException;
    }

    private final String kind;
    private final String scope;
    private final Map<Integer, SingleClientServer> servers = new TreeMap<>();

    /**
     * @param kind  what messages call a server's protocol ({@code GDB}, {@code DAP})
     * @param scope the command scope ({@code gdb}, {@code dap}), for the commands messages suggest
     */
    public ServerRegistry(String kind, String scope) {
        this.kind = kind;
        this.scope = scope;
    }

    /** Opens and starts a server on {@code bind:port} unless one of this kind already listens on that port. */
    public synchronized SingleClientServer start(InetAddress bind, int port, Opener opener) {
        if (servers.containsKey(port)) {
            throw new ProbeException("a " + kind + " server already listens on port " + port + " (" + scope + ":stop "
                    + port + " stops it)");
        }
        SingleClientServer server;
        try {
            server = opener.open();
        } catch (IOException e) {
            String hint = e instanceof BindException ? " (another program listens there; -p PORT picks another port)" : "";
            throw new ProbeException("cannot listen on " + bind.getHostAddress() + ":" + port + ": " + e.getMessage()
                    + hint, e);
        }
        servers.put(server.port(), server);
        server.start();
        return server;
    }

    public synchronized List<SingleClientServer> list() {
        servers.values().removeIf(server -> !server.isRunning());
        return List.copyOf(servers.values());
    }

    /** The {@code list} command's table: port, address, probe and the attached client. */
    public String table(String clientColumn) {
        TextTable table = new TextTable("Port", "Address", "Probe", clientColumn).numeric(0);
        for (SingleClientServer server : list()) {
            table.row(server.port(), server.address(), server.probe().isEmpty() ? "-" : server.probe(),
                    server.client().isEmpty() ? "-" : server.client());
        }
        return table.isEmpty() ? "No " + kind + " server runs" : table.toString();
    }

    /** The {@code stop [PORT]} command: the server on PORT, or the only one; usage errors otherwise. */
    public String stop(CommandLine line) {
        int port;
        List<SingleClientServer> running = list();
        if (line.optionalArgument(0).isPresent()) {
            port = ServerOptions.port(line, line.argument(0));
        } else if (running.size() == 1) {
            port = running.get(0).port();
        } else {
            throw line.usageError(running.isEmpty() ? "no " + kind + " server runs" : "name the PORT (" + scope + ":list)");
        }
        if (!stop(port)) {
            throw line.usageError("no " + kind + " server on port " + port + " (" + scope + ":list)");
        }
        return "Stopped the " + kind + " server on port " + port;
    }

    /** Stops the server on {@code port}; false when none listens there. */
    public boolean stop(int port) {
        SingleClientServer server;
        synchronized (this) {
            server = servers.remove(port);
        }
        if (server == null) {
            return false;
        }
        server.close();
        return true;
    }

    public void stopAll() {
        List<SingleClientServer> running;
        synchronized (this) {
            running = List.copyOf(servers.values());
            servers.clear();
        }
        running.forEach(SingleClientServer::close);
    }
}
