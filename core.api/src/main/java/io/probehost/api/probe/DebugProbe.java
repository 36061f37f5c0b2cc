package io.probehost.api.probe;

import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An opened debug probe. What it can do beyond connecting is found through
 * {@link #capability(Class)}: a CMSIS-DAP probe offers {@link DapAccess}, {@link SwjControl} and
 * {@link ResetControl}; a probe with its own memory engine may offer something else.
 */
@ConsumerType
public interface DebugProbe extends AutoCloseable {

    ProbeDescription description();

    Set<WireProtocol> supportedProtocols();

    /**
     * Configures the probe's pins for a wire protocol. Sends no line reset or switch sequence: the
     * debug port layer does that through {@link SwjControl}.
     */
    void connect(WireProtocol protocol);

    /** The protocol given to {@link #connect(WireProtocol)}, or empty when not connected. */
    Optional<WireProtocol> protocol();

    void disconnect();

    /** Sets the SWCLK/TCK frequency; returns the frequency the probe will use. */
    long setClockHz(long clockHz);

    /** An optional capability, or empty when this probe does not have it. */
    <C extends ProbeCapability> Optional<C> capability(Class<C> type);

    /** Releases the probe and its USB handle. Idempotent. */
    @Override
    void close();
}
