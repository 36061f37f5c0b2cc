package io.probehost.sim.riscv;

/**
 * Raised inside an instruction that enters Debug Mode instead of trapping: an {@code ebreak} with
 * {@code dcsr.ebreakm} (or any {@code ebreak} in Debug Mode), or a load/store trigger with action 1.
 */
final class DebugEntry extends Trap {
    private static final long serialVersionUID = 1L;
    private final HaltCause haltCause;

    DebugEntry(HaltCause haltCause) {
        super(TrapCause.BREAKPOINT, 0);
        this.haltCause = haltCause;
    }

    HaltCause haltCause() {
        return haltCause;
    }
}
