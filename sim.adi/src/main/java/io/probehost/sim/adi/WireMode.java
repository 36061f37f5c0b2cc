package io.probehost.sim.adi;

/** Which protocol an SWJ-DP currently speaks on its shared SWDIO/TMS pin. */
public enum WireMode {
    /** ADIv5 SWJ-DP power-on state. */
    JTAG,
    SWD,
    /** ADIv5.2 dormant: only a selection alert plus an activation code wakes it. */
    DORMANT
}
