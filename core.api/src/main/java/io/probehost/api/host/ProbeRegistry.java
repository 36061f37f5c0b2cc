package io.probehost.api.host;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.probe.ProbeDriver;

/** Every probe driver the runtime has now, and the probes they find. Tracks drivers as they come and go. */
@ProviderType
public interface ProbeRegistry {

    List<DriverInfo> drivers();

    Optional<ProbeDriver> driver(String name);

    /** Asks every driver for its probes; a driver that fails is reported, the others still list. */
    ProbeListing probes();

    /** Opens a listed probe through the driver that found it. */
    DebugProbe open(ProbeDescription probe, SessionOptions options);
}
