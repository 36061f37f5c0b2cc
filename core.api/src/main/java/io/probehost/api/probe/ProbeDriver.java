package io.probehost.api.probe;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

import io.probehost.api.option.SessionOptions;

/**
 * A probe driver, registered as a service by a driver bundle (whiteboard). The core tracks every
 * driver dynamically: installing a driver bundle makes its probes appear, removing it makes them go.
 */
@ConsumerType
public interface ProbeDriver {

    /** Service property every driver sets to its {@link #name()}. */
    String NAME_PROPERTY = "probehost.driver";

    /** Short name used in unique-ID prefixes and commands, such as {@code cmsisdap}. */
    String name();

    /** A line describing what the driver drives, for {@code driver:list}. */
    String description();

    /**
     * The probes this driver can drive now. May throw {@link io.probehost.api.ProbeException}; the
     * registry shows the error in place of this driver's probes and still lists the others.
     */
    List<ProbeDescription> probes();

    /** Opens one of the probes this driver listed. */
    DebugProbe open(ProbeDescription probe, SessionOptions options);
}
