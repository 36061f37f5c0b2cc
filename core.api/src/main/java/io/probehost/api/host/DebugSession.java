package io.probehost.api.host;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.probehost.api.debug.DebugTarget;
import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.target.TargetDescription;

/** An open connection: a probe, the target behind it, and the options in force. */
@ProviderType
public interface DebugSession extends AutoCloseable {

    ProbeDescription probeDescription();

    DebugProbe probe();

    /** The target description from an installed pack, when the target type is known. */
    Optional<TargetDescription> targetDescription();

    SessionOptions options();

    DebugTarget target();

    /** Whether the probe and target are still usable (a vanished probe makes this false). */
    boolean isOpen();

    /** Detaches from the target and releases the probe. Idempotent. */
    @Override
    void close();
}
