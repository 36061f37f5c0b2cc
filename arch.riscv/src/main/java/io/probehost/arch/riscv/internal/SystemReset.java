package io.probehost.arch.riscv.internal;

import java.time.Duration;

import io.probehost.api.TargetException;

/**
 * A way to reset the chip around a hart, and the Debug Module handshake that every way shares
 * (riscv-debug.md §5.11): halt-on-reset through {@code setresethaltreq} (or a held {@code haltreq} on
 * a DM without it), the reset {@link #pulse}, waiting until the hart is available again and reports
 * {@code havereset} (and, for a halting reset, is halted), then {@code ackhavereset} and
 * {@code clrresethaltreq}.
 */
abstract class SystemReset {

    /** A short name for messages, such as {@code ndmreset}. */
    abstract String name();

    /**
     * Resets the chip; the hart may or may not be halted when this is called. {@code heldControl} are
     * the dmcontrol bits to keep in every write ({@code haltreq} on a DM without halt-on-reset).
     */
    abstract void pulse(Hart hart, int heldControl);

    final void reset(Hart hart, boolean halt, Duration timeout) {
        DebugModule dm = hart.debugModule();
        boolean haltRequestHeld = halt && !dm.hasResetHaltRequest();
        if (dm.hasResetHaltRequest()) {
            dm.writeControl(halt ? DebugModule.DMCONTROL_SETRESETHALTREQ : DebugModule.DMCONTROL_CLRRESETHALTREQ);
        }
        if (haltRequestHeld) {
            dm.writeControl(DebugModule.DMCONTROL_HALTREQ);
        }
        pulse(hart, haltRequestHeld ? DebugModule.DMCONTROL_HALTREQ : 0);
        hart.forgetState();
        int want = DebugModule.DMSTATUS_ALLHAVERESET | (halt ? DebugModule.DMSTATUS_ALLHALTED : 0);
        boolean done = Polling.holdsWithin(() -> {
            int status = dm.status();
            return (status & DebugModule.DMSTATUS_ANYUNAVAIL) == 0 && (status & want) == want;
        }, timeout);
        dm.writeControl(DebugModule.DMCONTROL_ACKHAVERESET);
        if (dm.hasResetHaltRequest()) {
            dm.writeControl(DebugModule.DMCONTROL_CLRRESETHALTREQ);
        } else if (haltRequestHeld) {
            dm.writeControl(0);
        }
        if (!done) {
            throw new TargetException(String.format("reset (%s) did not %s the hart within %d ms", name(),
                    halt ? "reset and halt" : "reset", timeout.toMillis()));
        }
    }

    /** {@code dmcontrol.ndmreset} written 1 then 0: the spec's system reset. */
    static final class NdmReset extends SystemReset {
        @Override
        String name() {
            return "ndmreset";
        }

        @Override
        void pulse(Hart hart, int heldControl) {
            DebugModule dm = hart.debugModule();
            dm.writeControl(DebugModule.DMCONTROL_NDMRESET | heldControl);
            dm.writeControl(heldControl);
        }
    }
}
