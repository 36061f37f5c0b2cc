package io.probehost.flash;

import java.util.List;

import io.probehost.api.ProbeDisconnectedException;

/**
 * The probe went away in the middle of a flash operation. The message names the sectors that were
 * completely written; the next operation starts over cleanly (a new connection, Init again).
 */
public class FlashInterruptedException extends ProbeDisconnectedException {
    private static final long serialVersionUID = 1L;
    private final List<Long> sectorsDone;

    public FlashInterruptedException(String message, List<Long> sectorsDone, Throwable cause) {
        super(message, cause);
        this.sectorsDone = List.copyOf(sectorsDone);
    }

    /** Start addresses of the sectors programmed (and verified, if asked) before the probe was lost. */
    public List<Long> sectorsDone() {
        return sectorsDone;
    }
}
