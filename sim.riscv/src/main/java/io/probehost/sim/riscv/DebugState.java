package io.probehost.sim.riscv;

/**
 * A hart's Debug Mode state (debug spec 0.13.2, chapter 4): whether it is halted, the halt and
 * halt-on-reset requests from the Debug Module, and the core debug registers {@code dcsr},
 * {@code dpc}, {@code dscratch0/1}, which exist only in Debug Mode. {@code dcsr}: xdebugver 4,
 * prv fixed at M (3), writable ebreakm, stepie and step; stopcount reads 1 since the counters do not
 * count in Debug Mode, stoptime reads 0; ebreaks/ebreaku read 0 (no S or U mode).
 */
public final class DebugState {
    public static final int DCSR = 0x7B0;
    public static final int DPC = 0x7B1;
    public static final int DSCRATCH0 = 0x7B2;
    public static final int DSCRATCH1 = 0x7B3;
    public static final int DCSR_XDEBUGVER_EXTERNAL = 4 << 28;
    public static final int DCSR_EBREAKM = 1 << 15;
    public static final int DCSR_STEPIE = 1 << 11;
    public static final int DCSR_STOPCOUNT = 1 << 10;
    public static final int DCSR_CAUSE_SHIFT = 6;
    public static final int DCSR_STEP = 1 << 2;
    public static final int DCSR_PRV_M = 3;
    private static final int DCSR_WRITABLE = DCSR_EBREAKM | DCSR_STEPIE | DCSR_STEP;

    boolean halted;
    boolean haltRequest;
    boolean resetHaltRequest;
    private int dcsrWritable;
    private HaltCause cause;
    int dpc;
    int dscratch0;
    int dscratch1;

    /** Hart reset: dcsr to its reset value; the requests (the Debug Module's) stay. */
    void reset() {
        halted = false;
        dcsrWritable = 0;
        cause = null;
        dpc = 0;
    }

    void enter(HaltCause haltCause, int pc) {
        halted = true;
        cause = haltCause;
        dpc = pc;
    }

    int dcsr() {
        return DCSR_XDEBUGVER_EXTERNAL | dcsrWritable | DCSR_STOPCOUNT
                | (cause == null ? 0 : cause.code() << DCSR_CAUSE_SHIFT) | DCSR_PRV_M;
    }

    void writeDcsr(int value) {
        dcsrWritable = value & DCSR_WRITABLE;
    }

    boolean ebreakm() {
        return (dcsrWritable & DCSR_EBREAKM) != 0;
    }

    boolean step() {
        return (dcsrWritable & DCSR_STEP) != 0;
    }

    boolean stepInterruptsEnabled() {
        return (dcsrWritable & DCSR_STEPIE) != 0;
    }

    /** The reason of the last entry into Debug Mode, or null if the hart has not entered it since reset. */
    public HaltCause cause() {
        return cause;
    }
}
