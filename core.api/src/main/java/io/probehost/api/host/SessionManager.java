package io.probehost.api.host;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Keeps the current debug session, so that commands after {@code target:connect} share one
 * connection, and a command that finds none opens one.
 */
@ProviderType
public interface SessionManager {

    /** Opens a session as asked, closing the current one first if it is for another probe or target. */
    DebugSession connect(SessionRequest request);

    /** The open session, if any and still usable. */
    Optional<DebugSession> current();

    /** Closes the current session, if any. */
    void disconnect();
}
