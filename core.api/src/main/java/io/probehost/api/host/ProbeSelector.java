package io.probehost.api.host;

import org.osgi.annotation.versioning.ProviderType;

import io.probehost.api.ProbeException;
import io.probehost.api.probe.ProbeDescription;

/**
 * Chooses the probe a command works on, by pyOCD's rules, so that every command bundle selects
 * probes the same way.
 * <ul>
 * <li>{@code uid} matches any part of a probe's unique ID, ignoring case; an exact match wins over
 * partial ones. Text before a colon names the driver ({@code cmsisdap:PHLAB}), which must be
 * installed.</li>
 * <li>One candidate is taken without asking.</li>
 * <li>Several candidates for a {@code uid} are an error. Several without one are listed with a
 * numbered prompt when the caller is on a terminal, and are an error listing them otherwise.</li>
 * <li>No candidate: a message says it waits, and it polls until one is plugged in; with
 * {@code noWait} it fails at once.</li>
 * </ul>
 */
@ProviderType
public interface ProbeSelector {

    /**
     * @param uid    whole or partial unique ID, optionally {@code driver:}-prefixed; null or blank for any probe
     * @param noWait fail at once instead of waiting when no probe matches
     * @return the chosen probe
     * @throws ProbeException a one-line reason: ambiguous, none matching, unknown driver, no choice made,
     *                        or interrupted while waiting
     */
    ProbeDescription select(String uid, boolean noWait);
}
