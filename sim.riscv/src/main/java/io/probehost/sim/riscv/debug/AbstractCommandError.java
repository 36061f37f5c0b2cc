package io.probehost.sim.riscv.debug;

/** The {@code abstractcs.cmderr} codes. */
enum AbstractCommandError {
    NONE(0), BUSY(1), NOT_SUPPORTED(2), EXCEPTION(3), HALT_RESUME(4), BUS(5), OTHER(7);

    final int code;

    AbstractCommandError(int code) {
        this.code = code;
    }
}
