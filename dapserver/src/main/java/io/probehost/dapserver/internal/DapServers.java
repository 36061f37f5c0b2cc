package io.probehost.dapserver.internal;

import java.io.PrintStream;
import java.net.InetAddress;
import java.time.Duration;

import org.apache.felix.service.command.CommandProcessor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.probehost.command.ServerRegistry;
import io.probehost.command.SingleClientServer;

/**
 * The DAP servers that run, by port. A client that connects while another is served waits up to
 * {@link #HANDOVER} for it to go (an IDE restarting a session), else is closed. Stopping the bundle
 * stops them all.
 */
@Component(service = DapServers.class)
public final class DapServers {
    static final Duration HANDOVER = Duration.ofSeconds(3);

    private final ShellCommands shell;
    private final ServerRegistry registry = new ServerRegistry("DAP", "dap");

    @Activate
    public DapServers(@Reference CommandProcessor processor) {
        this.shell = new ShellCommands(processor);
    }

    /** Starts a server on {@code bind:port} (port 0: a free one) that opens its sessions through {@code sessions}. */
    SingleClientServer start(InetAddress bind, int port, DebugAdapter.SessionSource sessions, String probe,
            PrintStream log) {
        DapConnection connection = new DapConnection(sessions, shell, log);
        return registry.start(bind, port, () -> new SingleClientServer("dap", bind, port, probe, log, connection,
                (socket, attached) -> { }, HANDOVER));
    }

    ServerRegistry registry() {
        return registry;
    }

    @Deactivate
    void stopAll() {
        registry.stopAll();
    }
}
