package io.probehost.command.internal;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.probehost.api.host.DebugSession;
import io.probehost.api.host.ProbeSelector;
import io.probehost.api.host.SessionManager;
import io.probehost.api.host.SessionRequest;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.probe.WireProtocol;
import io.probehost.command.CommandLine;
import io.probehost.command.CommandSessions;

/** {@link CommandSessions} over the session manager and the probe selector. */
@Component(service = CommandSessions.class)
public final class SessionChooser implements CommandSessions {
    private final SessionManager sessions;
    private final ProbeSelector selector;

    @Activate
    public SessionChooser(@Reference SessionManager sessions, @Reference ProbeSelector selector) {
        this.sessions = sessions;
        this.selector = selector;
    }

    @Override
    public DebugSession session(CommandLine line) {
        Optional<DebugSession> open = sessions.current();
        if (open.isPresent() && line.uid().isEmpty() && line.sessionOptions().isEmpty()
                && line.target().map(t -> sameTarget(open.get(), t)).orElse(true)) {
            return open.get();
        }
        return open(line, Optional.empty(), 0);
    }

    @Override
    public DebugSession connect(CommandLine line, Optional<WireProtocol> protocol, long clockHz) {
        return open(line, protocol, clockHz);
    }

    @Override
    public ProbeDescription probe(CommandLine line, boolean noWait) {
        Optional<DebugSession> open = sessions.current();
        if (line.uid().isEmpty() && open.isPresent()) {
            return open.get().probeDescription();
        }
        return selector.select(line.uid().orElse(null), noWait);
    }

    @Override
    public Optional<DebugSession> current() {
        return sessions.current();
    }

    @Override
    public void disconnect() {
        sessions.disconnect();
    }

    private DebugSession open(CommandLine line, Optional<WireProtocol> protocol, long clockHz) {
        ProbeDescription probe = probe(line, line.noWait());
        return sessions.connect(new SessionRequest(probe, line.sessionOptions(), line.target(), protocol, clockHz));
    }

    private static boolean sameTarget(DebugSession session, String target) {
        return session.targetDescription().filter(t -> t.name().equalsIgnoreCase(target)).isPresent();
    }
}
