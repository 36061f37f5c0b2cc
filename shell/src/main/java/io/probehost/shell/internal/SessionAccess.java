package io.probehost.shell.internal;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.felix.service.command.CommandSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.probehost.api.ProbeException;
import io.probehost.api.debug.CoreControl;
import io.probehost.api.host.DebugSession;
import io.probehost.api.host.ProbeRegistry;
import io.probehost.api.host.SessionManager;
import io.probehost.api.host.SessionRequest;
import io.probehost.api.host.TargetRegistry;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.probe.WireProtocol;

/**
 * How every device command gets its session: the open one when the command selects nothing else,
 * otherwise a probe chosen by {@link ProbeSelector} and a session from the {@link SessionManager}.
 */
@Component(service = SessionAccess.class)
public final class SessionAccess {
    private static final long POLL_MILLIS = 500;
    /** Gogo's jline shell keeps its terminal in this session variable. */
    private static final String TERMINAL_VARIABLE = ".terminal";

    private final SessionManager sessions;
    private final ProbeSelector selector;

    @Activate
    public SessionAccess(@Reference SessionManager sessions, @Reference ProbeRegistry probes,
            @Reference TargetRegistry targets) {
        this(sessions, new ProbeSelector(probes::probes, probes::drivers, name -> targets.find(name).isPresent(),
                () -> Thread.sleep(POLL_MILLIS)));
    }

    SessionAccess(SessionManager sessions, ProbeSelector selector) {
        this.sessions = sessions;
        this.selector = selector;
    }

    SessionManager manager() {
        return sessions;
    }

    /** The open session, or one opened as the invocation selects. */
    DebugSession session(CommandSession shell, Invocation invocation) {
        if (invocation.selectsNothing()) {
            Optional<DebugSession> open = sessions.current();
            if (open.isPresent()) {
                return open.get();
            }
        }
        return connect(shell, invocation, Optional.empty(), Optional.empty(), 0);
    }

    /** Opens (or keeps) the session the invocation and the connect flags describe. */
    DebugSession connect(CommandSession shell, Invocation invocation, Optional<String> target,
            Optional<WireProtocol> protocol, long clockHz) {
        ProbeDescription probe = probe(shell, invocation);
        return sessions.connect(new SessionRequest(probe, invocation.options(), target, protocol, clockHz));
    }

    /** Without {@code -u}, the probe of the open session; otherwise the selection rules. */
    ProbeDescription probe(CommandSession shell, Invocation invocation) {
        if (invocation.uid().isEmpty()) {
            Optional<DebugSession> open = sessions.current();
            if (open.isPresent()) {
                return open.get().probeDescription();
            }
        }
        return selector.select(invocation.uid(), invocation.noWait(), terminal(shell), console(shell));
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

    /**
     * The terminal to prompt on: the jline shell's, or in one-shot mode the process's console (read
     * directly: the one-shot session's keyboard is Gogo's redirected standard input). Scripts and
     * tests have none.
     */
    static Optional<ProbeSelector.Terminal> terminal(CommandSession shell) {
        if (shell != null && shell.get(TERMINAL_VARIABLE) != null && shell.getKeyboard() != null) {
            PrintStream out = console(shell);
            InputStream in = shell.getKeyboard();
            return Optional.of(prompt -> {
                out.print(prompt);
                out.flush();
                return readLine(in);
            });
        }
        Console console = System.console();
        if (console == null) {
            return Optional.empty();
        }
        return Optional.of(prompt -> {
            console(shell).flush();
            return console.readLine("%s", prompt);
        });
    }

    static String readLine(InputStream in) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                if (b != '\r') {
                    line.write(b);
                }
            }
            if (b < 0 && line.size() == 0) {
                return null;
            }
        } catch (IOException e) {
            return null;
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
