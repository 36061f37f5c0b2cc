package io.probehost.api.host;

import org.osgi.annotation.versioning.ConsumerType;

/** Told of probes arriving and departing. Called on the monitor's own thread, in order: return quickly. */
@ConsumerType
@FunctionalInterface
public interface ProbeListener {

    void probeChanged(ProbeEvent event);
}
