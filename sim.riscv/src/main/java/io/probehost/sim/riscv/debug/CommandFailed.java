package io.probehost.sim.riscv.debug;

/** An abstract command stopped with {@code cmderr} = {@link #error}. */
final class CommandFailed extends Exception {
    private static final long serialVersionUID = 1L;
    final AbstractCommandError error;

    CommandFailed(AbstractCommandError error) {
        super(error.name(), null, false, false);
        this.error = error;
    }
}
