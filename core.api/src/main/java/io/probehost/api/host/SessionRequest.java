package io.probehost.api.host;

import java.util.Map;
import java.util.Optional;

import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.probe.WireProtocol;

/**
 * What a command asks a session for.
 *
 * @param probe       the probe, already selected
 * @param options     option values from the command line ({@code -O name=value}), by name
 * @param targetName  target type; empty to use the one the probe reports
 * @param protocol    wire protocol; empty for the probe's default (SWD when it has it)
 * @param clockHz     SWCLK/TCK frequency; 0 for the option's value
 */
public record SessionRequest(ProbeDescription probe, Map<String, String> options, Optional<String> targetName,
        Optional<WireProtocol> protocol, long clockHz) {

    public SessionRequest {
        options = Map.copyOf(options);
    }
}
