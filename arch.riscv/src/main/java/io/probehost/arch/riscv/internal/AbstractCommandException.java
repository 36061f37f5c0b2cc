package io.probehost.arch.riscv.internal;

import io.probehost.api.TargetException;

/** An abstract command ended with {@code abstractcs.cmderr} set (riscv-debug.md §2.4); the DM's error is cleared. */
public final class AbstractCommandException extends TargetException {
    private static final long serialVersionUID = 1L;
    static final int NOT_SUPPORTED = 2;
    static final int EXCEPTION = 3;
    static final int HALT_RESUME = 4;
    static final int BUS = 5;
    private static final String[] NAMES = {"none", "busy", "not supported", "exception", "halt/resume", "bus error",
        "reserved", "other"};

    private final int cmderr;

    AbstractCommandException(String what, int cmderr) {
        super(what + " failed: cmderr " + cmderr + " (" + NAMES[cmderr & 7] + ")");
        this.cmderr = cmderr;
    }

    public int cmderr() {
        return cmderr;
    }
}
