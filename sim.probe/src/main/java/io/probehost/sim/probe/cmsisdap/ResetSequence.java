package io.probehost.sim.probe.cmsisdap;

import io.probehost.sim.adi.SwjPins;

/** A device-specific reset the firmware runs for DAP_ResetTarget (then answering Execute = 1). */
@FunctionalInterface
public interface ResetSequence {
    void run(SwjPins pins);
}
