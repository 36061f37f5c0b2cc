package io.probehost.sim.riscv;

/** A synchronous exception raised inside an instruction; the hart turns it into a trap. */
class Trap extends Exception {
    private static final long serialVersionUID = 1L;
    private final TrapCause cause;
    private final int tval;

    Trap(TrapCause cause, int tval) {
        super(cause.name(), null, false, false);
        this.cause = cause;
        this.tval = tval;
    }

    TrapCause cause() {
        return cause;
    }

    /** The value {@code mtval} takes. */
    int tval() {
        return tval;
    }
}
