package io.probehost.command.internal;

import java.time.Duration;
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

/**
 * {@link CommandSessions} over the session manager and the probe selector. A command claims each
 * probe it works on until it ends, so a second command on the same probe fails with "probe busy"
 * (or waits, with {@code --wait}) while commands on other probes go on in parallel.
 */
@Component(service = CommandSessions.class)
public final class SessionChooser implements CommandSessions {
    private final SessionManager sessions;
    private final ProbeSelector selector;

    @Activate
    public SessionChooser(@Reference SessionManager sessions, @Reference ProbeSelector selector) {
        this.sessions = sessions;
        this.selector = selector;
    }

    /**
     * The session open on the probe the command selects (the current one when it names none), as long as
     * the command asks for no other target and no options; otherwise a session opened as it asks. A
     * {@code -u UID} command therefore keeps what {@code target:connect -u UID -t TARGET} set up (a
     * stand-alone probe's target) instead of reopening the probe without it.
     */
    @Override
    public DebugSession session(CommandLine line) {
        ProbeDescription probe = probe(line, line.noWait());
        claim(line, probe);
        if (line.sessionOptions().isEmpty()) {
            Optional<DebugSession> open = sessions.session(probe);
            if (open.isPresent() && line.target().map(t -> sameTarget(open.get(), t)).orElse(true)) {
                return open.get();
            }
        }
        return sessions.connect(new SessionRequest(probe, line.sessionOptions(), line.target(), Optional.empty(), 0));
    }

    @Override
    public DebugSession session(CommandLine line, ProbeDescription probe) {
        return open(line, probe, Optional.empty(), 0);
    }

    @Override
    public DebugSession connect(CommandLine line, Optional<WireProtocol> protocol, long clockHz) {
        return open(line, probe(line, line.noWait()), protocol, clockHz);
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

    private DebugSession open(CommandLine line, ProbeDescription probe, Optional<WireProtocol> protocol,
            long clockHz) {
        claim(line, probe);
        return sessions.connect(new SessionRequest(probe, line.sessionOptions(), line.target(), protocol, clockHz));
    }

    /** Claims the probe for the command until it ends: at once, or waiting with {@code --wait}. */
    private void claim(CommandLine line, ProbeDescription probe) {
        line.holdUntilDone("probe " + probe.driver() + ":" + probe.uniqueId(), () -> sessions.claim(probe,
                line.commandName(), line.waitWhileBusy() ? null : Duration.ZERO));
    }

    private static boolean sameTarget(DebugSession session, String target) {
        return session.targetDescription().filter(t -> t.name().equalsIgnoreCase(target)).isPresent();
    }
}
