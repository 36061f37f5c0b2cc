package io.probehost.station.web.internal;

import io.probehost.api.probe.ProbeDescription;

/**
 * One probe in {@code /api/probes} and in the {@code probe} event.
 *
 * @param uid      the probe's unique ID
 * @param driver   the driver that found it ({@code cmsisdap}, {@code stlink}...)
 * @param name     vendor and product
 * @param board    the board it sits on; empty when unknown
 * @param target   the target it reports; empty when unknown
 * @param location where it is on its bus
 * @param session  whether a debug session is open on it
 */
record ProbeView(String uid, String driver, String name, String board, String target, String location,
        boolean session) {

    static ProbeView of(ProbeDescription probe, boolean session) {
        String board = (probe.boardVendor() + " " + probe.boardName()).trim();
        return new ProbeView(probe.uniqueId(), probe.driver(), probe.displayName(), board, probe.targetType(),
                probe.location(), session);
    }
}
