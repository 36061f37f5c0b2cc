package io.probehost.sim.riscv;

/** Why a hart entered Debug Mode: the {@code dcsr.cause} values of the debug spec 0.13.2. */
public enum HaltCause {
    EBREAK(1), TRIGGER(2), HALT_REQUEST(3), STEP(4), RESET_HALT_REQUEST(5);

    private final int code;

    HaltCause(int code) {
        this.code = code;
    }

    /** The value of {@code dcsr.cause}. */
    public int code() {
        return code;
    }
}
