package io.probehost.sim.mcu.cpu;

/**
 * Halting-debug state of the core: DHCSR control and status, DFSR, DEMCR and DCRDR. It belongs to
 * the debug domain, so a system reset leaves it alone (apart from setting S_RESET_ST).
 */
public final class DebugState {
    public static final int DFSR_HALTED = 1;
    public static final int DFSR_BKPT = 2;
    public static final int DFSR_DWTTRAP = 4;
    public static final int DFSR_VCATCH = 8;
    public static final int DFSR_EXTERNAL = 16;

    public static final int DEMCR_VC_CORERESET = 1;
    public static final int DEMCR_VC_HARDERR = 1 << 10;
    /** ARMv7-M vector catches: MemManage, NOCP, checking (UNALIGNED, DIVBYZERO), state, BusFault, entry/return. */
    public static final int DEMCR_VC_MMERR = 1 << 4;
    public static final int DEMCR_VC_NOCPERR = 1 << 5;
    public static final int DEMCR_VC_CHKERR = 1 << 6;
    public static final int DEMCR_VC_STATERR = 1 << 7;
    public static final int DEMCR_VC_BUSERR = 1 << 8;
    public static final int DEMCR_VC_INTERR = 1 << 9;
    /** ARMv7-M monitor debug: MON_EN routes debug events to DebugMonitor, MON_PEND is its pending state, MON_STEP steps, MON_REQ is a flag. */
    public static final int DEMCR_MON_EN = 1 << 16;
    public static final int DEMCR_MON_PEND = 1 << 17;
    public static final int DEMCR_MON_STEP = 1 << 18;
    public static final int DEMCR_MON_REQ = 1 << 19;
    static final int DEMCR_ARMV7M_CATCHES = DEMCR_VC_MMERR | DEMCR_VC_NOCPERR | DEMCR_VC_CHKERR
            | DEMCR_VC_STATERR | DEMCR_VC_BUSERR | DEMCR_VC_INTERR | DEMCR_MON_EN | DEMCR_MON_STEP | DEMCR_MON_REQ;
    public static final int DEMCR_DWTENA = 1 << 24;
    static final int DEMCR_WRITABLE = DEMCR_VC_CORERESET | DEMCR_VC_HARDERR | DEMCR_DWTENA;

    boolean debugEnabled;
    /** C_HALT as last written, or set by entering Debug state. */
    boolean haltBit;
    boolean stepBit;
    boolean maskInts;
    boolean halted;
    boolean retiredSinceRead;
    boolean resetSinceRead;
    int dfsr;
    int demcr;
    int dcrdr;

    public boolean debugEnabled() {
        return debugEnabled;
    }

    public boolean halted() {
        return halted;
    }

    public boolean maskInts() {
        return maskInts;
    }

    public int dfsr() {
        return dfsr;
    }

    public void clearDfsr(int bits) {
        dfsr &= ~bits;
    }

    public int demcr() {
        return demcr;
    }

    private int demcrWritable = DEMCR_WRITABLE;

    /** ARMv7-M adds the fault vector catches and the monitor controls to DEMCR (MON_PEND lives in the exception state). */
    void enableArmv7mCatches() {
        demcrWritable = DEMCR_WRITABLE | DEMCR_ARMV7M_CATCHES;
    }

    public void writeDemcr(int value) {
        demcr = value & demcrWritable;
    }

    public boolean dwtEnabled() {
        return (demcr & DEMCR_DWTENA) != 0;
    }

    public int dcrdr() {
        return dcrdr;
    }

    public void writeDcrdr(int value) {
        dcrdr = value;
    }

    /** C_HALT as last written, or set by entering Debug state. */
    public boolean haltRequested() {
        return haltBit;
    }

    /** C_HALT written as zero while running: a pending (ignored) halt request is withdrawn. */
    public void cancelHaltRequest() {
        haltBit = false;
    }

    public void setMaskInts(boolean mask) {
        maskInts = mask;
    }

    /** S_RETIRE_ST: clear on read. */
    public boolean takeRetiredFlag() {
        boolean value = retiredSinceRead;
        retiredSinceRead = false;
        return value;
    }

    /** S_RESET_ST: clear on read. */
    public boolean takeResetFlag() {
        boolean value = resetSinceRead;
        resetSinceRead = false;
        return value;
    }

    /** Power-on reset of the debug logic. */
    void powerOnReset() {
        debugEnabled = false;
        haltBit = false;
        stepBit = false;
        maskInts = false;
        halted = false;
        dfsr = 0;
        demcr = 0;
        dcrdr = 0;
    }
}
