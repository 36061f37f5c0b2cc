package io.probehost.command;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.probehost.api.host.DebugSession;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.probe.WireProtocol;

/**
 * The session a command works on, the same way for every command bundle: the open one when the
 * command line selects nothing else; without {@code -u}, a new one on the open session's probe;
 * otherwise one on the probe the {@code ProbeSelector} service chooses (partial IDs, {@code driver:}
 * prefix, a prompt on a terminal, waiting unless {@code -W}). Each probe a command uses is claimed
 * until the command ends: another command on it fails with "probe busy: UID is used by COMMAND", or
 * waits with {@code --wait}.
 */
@ProviderType
public interface CommandSessions {

    /** The open session, or one opened as the line selects ({@code -u}, {@code -O}, {@code -t}). */
    DebugSession session(CommandLine line);

    /**
     * The session on {@code probe} as the line's {@code -O} and {@code -t} describe it, for commands
     * that work on several probes at once; claimed, like every probe a command uses, until it ends.
     */
    DebugSession session(CommandLine line, ProbeDescription probe);

    /** Opens (or keeps) the session the line and the connect settings describe. */
    DebugSession connect(CommandLine line, Optional<WireProtocol> protocol, long clockHz);

    /** Without {@code -u}, the open session's probe; otherwise the probe the selection rules choose. */
    ProbeDescription probe(CommandLine line, boolean noWait);

    Optional<DebugSession> current();

    /** Closes the open session, if any. */
    void disconnect();
}
