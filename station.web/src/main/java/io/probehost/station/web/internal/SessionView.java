package io.probehost.station.web.internal;

import io.probehost.api.host.DebugSession;

/**
 * One debug session in {@code /api/sessions} and in the {@code sessions} event.
 *
 * @param probe   the unique ID of its probe
 * @param target  the target's name from its pack; empty when no pack describes it
 * @param open    false while its probe is unplugged (the session waits for it to come back)
 * @param current whether commands that name no probe use it
 */
record SessionView(String probe, String target, boolean open, boolean current) {

    static SessionView of(DebugSession session, boolean current) {
        return new SessionView(session.probeDescription().uniqueId(),
                session.targetDescription().map(t -> t.name()).orElse(""), session.isOpen(), current);
    }
}
