package io.probehost.api.host;

import java.util.List;

import io.probehost.api.probe.ProbeDescription;

/**
 * The result of asking every driver for its probes.
 *
 * @param probes probes found, in driver order then enumeration order
 * @param errors drivers that failed while enumerating, with their error
 */
public record ProbeListing(List<ProbeDescription> probes, List<DriverError> errors) {

    public ProbeListing {
        probes = List.copyOf(probes);
        errors = List.copyOf(errors);
    }

    /** A driver that threw while enumerating. */
    public record DriverError(String driver, String message) {
    }
}
