package io.probehost.gdbserver.internal;

import java.io.PrintStream;
import java.net.InetAddress;
import java.time.Duration;
import java.util.function.Supplier;

import org.apache.felix.service.command.CommandProcessor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.probehost.api.host.DebugSession;
import io.probehost.command.ServerRegistry;
import io.probehost.command.SingleClientServer;

/**
 * The GDB servers that run, by port. A GDB that connects while another is attached waits
 * {@link #HANDOVER} for it to go once it is idle (gdb's disconnect and reconnect come at once), and
 * up to {@link #BUSY_HANDOVER} while it still serves a request (a kill resets the target, and gdb
 * does not wait for it). Stopping the bundle stops them all: sockets closed, threads ended.
 */
@Component(service = GdbServers.class)
public final class GdbServers {
    static final Duration HANDOVER = Duration.ofSeconds(1);
    static final Duration BUSY_HANDOVER = Duration.ofSeconds(30);

    private final MonitorCommands monitor;
    private final ServerRegistry registry = new ServerRegistry("GDB", "gdb");

    @Activate
    public GdbServers(@Reference CommandProcessor processor) {
        this.monitor = new MonitorCommands(processor);
    }

    /** Starts a server on {@code bind:port} (port 0: a free one) for the sessions {@code sessions} gives. */
    SingleClientServer start(InetAddress bind, int port, Supplier<DebugSession> sessions, String probe,
            PrintStream log) {
        GdbConnection gdb = new GdbConnection(sessions, monitor, log, probe);
        return registry.start(bind, port,
                () -> new SingleClientServer("gdb", bind, port, probe, log, gdb, gdb, HANDOVER, BUSY_HANDOVER));
    }

    ServerRegistry registry() {
        return registry;
    }

    @Deactivate
    void stopAll() {
        registry.stopAll();
    }
}
