package io.probehost.api.host;

import org.osgi.annotation.versioning.ProviderType;

import io.probehost.api.probe.ProbeDescription;

/** The exclusive use of one probe by one user, from {@link SessionManager#claim} until closed. */
@ProviderType
public interface ProbeClaim extends AutoCloseable {

    ProbeDescription probe();

    /** Who holds it, such as {@code flash:program}. */
    String user();

    /** Gives the probe back; a user waiting for it gets it. Idempotent. */
    @Override
    void close();
}
