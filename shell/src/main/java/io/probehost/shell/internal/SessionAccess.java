package io.probehost.shell.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.felix.service.command.CommandSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.probehost.api.ProbeException;
import io.probehost.api.debug.CoreControl;
import io.probehost.api.host.DebugSession;
import io.probehost.api.host.ProbeSelector;
import io.probehost.api.host.SessionManager;
import io.probehost.api.host.SessionRequest;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.probe.WireProtocol;

/**
 * How every device command gets its session: the open one when the command selects nothing else,
 * otherwise a probe chosen by the {@link ProbeSelector} service (which prompts on this command's
 * console) and a session from the {@link SessionManager}.
 */
@Component(service = SessionAccess.class)
public final class SessionAccess {
    private final SessionManager sessions;
    private final ProbeSelector selector;

    @Activate
    public SessionAccess(@Reference SessionManager sessions, @Reference ProbeSelector selector) {
        this.sessions = sessions;
        this.selector = selector;
    }

    SessionManager manager() {
        return sessions;
    }

    /** The open session, or one opened as the invocation selects. */
    DebugSession session(Invocation invocation) {
        if (invocation.selectsNothing()) {
            Optional<DebugSession> open = sessions.current();
            if (open.isPresent()) {
                return open.get();
            }
        }
        return connect(invocation, Optional.empty(), Optional.empty(), 0);
    }

    /** Opens (or keeps) the session the invocation and the connect flags describe. */
    DebugSession connect(Invocation invocation, Optional<String> target, Optional<WireProtocol> protocol,
            long clockHz) {
        ProbeDescription probe = probe(invocation);
        return sessions.connect(new SessionRequest(probe, invocation.options(), target, protocol, clockHz));
    }

    /** Without {@code -u}, the probe of the open session; otherwise the selection rules. */
    ProbeDescription probe(Invocation invocation) {
        if (invocation.uid().isEmpty()) {
            Optional<DebugSession> open = sessions.current();
            if (open.isPresent()) {
                return open.get().probeDescription();
            }
        }
        return selector.select(invocation.uid().orElse(null), invocation.noWait());
    }

    /** The core, which must be halted for what the command does. */
    static CoreControl halted(DebugSession session, String what) {
        CoreControl core = session.target().core();
        if (!core.isHalted()) {
            throw new ProbeException("cannot " + what + ": the target is running (halt it first with target:halt)");
        }
        return core;
    }

    static PrintStream console(CommandSession shell) {
        return shell == null || shell.getConsole() == null ? System.out : shell.getConsole();
    }

    /** A path relative to the shell's current folder. */
    static Path file(CommandSession shell, String name) {
        Path path = Path.of(name);
        if (path.isAbsolute() || shell == null || shell.currentDir() == null) {
            return path.toAbsolutePath();
        }
        return shell.currentDir().resolve(path);
    }
}
