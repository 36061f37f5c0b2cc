package io.probehost.api.host;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.probehost.api.probe.ProbeDescription;

/**
 * Keeps one debug session per probe, so that commands after {@code target:connect} share one
 * connection, a command that finds none opens one, and sessions on different probes run side by
 * side. The session opened or renewed last is the current one, which commands that name no probe use.
 */
@ProviderType
public interface SessionManager {

    /**
     * Opens a session as asked and makes it current. The probe's open session is kept when it was
     * opened the same way, and closed first otherwise; sessions on other probes stay open.
     */
    DebugSession connect(SessionRequest request);

    /** The current session, if any: renewed when its probe was unplugged and is back. */
    Optional<DebugSession> current();

    /** The probe's open session, if any: renewed when the probe was unplugged and is back. */
    Optional<DebugSession> session(ProbeDescription probe);

    /** Every open session (and those waiting for their probe to come back). */
    List<DebugSession> sessions();

    /** Closes the current session, if any; the others stay open. */
    void disconnect();

    /**
     * Claims the probe for {@code user} until the claim is closed: one user at a time per probe.
     *
     * @param wait how long to wait while another user holds it; zero to fail at once, null to wait until
     *             it is free or the thread is interrupted
     * @throws io.probehost.api.ProbeBusyException another user holds it (after {@code wait})
     * @throws io.probehost.api.ProbeException     interrupted while waiting
     */
    ProbeClaim claim(ProbeDescription probe, String user, Duration wait);
}
