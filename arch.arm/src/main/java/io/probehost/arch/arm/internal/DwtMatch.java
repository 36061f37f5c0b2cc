package io.probehost.arch.arm.internal;

import io.probehost.api.debug.WatchpointKind;

/** DWT_FUNCTION codes per watchpoint kind: DWT v1 FUNCTION[3:0] and DWT v2 MATCH[3:0]. */
enum DwtMatch {
    READ(WatchpointKind.READ, 0b0101, 0b0110),
    WRITE(WatchpointKind.WRITE, 0b0110, 0b0101),
    ACCESS(WatchpointKind.ACCESS, 0b0111, 0b0100);

    /** DWT v2 ACTION = 0b01: generate a debug event (halt). */
    static final int V2_ACTION_DEBUG_EVENT = 0x10;

    final WatchpointKind kind;
    final int v1Function;
    final int v2Match;

    DwtMatch(WatchpointKind kind, int v1Function, int v2Match) {
        this.kind = kind;
        this.v1Function = v1Function;
        this.v2Match = v2Match;
    }

    static DwtMatch of(WatchpointKind kind) {
        for (DwtMatch match : values()) {
            if (match.kind == kind) {
                return match;
            }
        }
        throw new IllegalArgumentException("unknown watchpoint kind " + kind);
    }
}
