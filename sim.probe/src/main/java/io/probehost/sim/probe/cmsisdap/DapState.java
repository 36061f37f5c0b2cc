package io.probehost.sim.probe.cmsisdap;

/** The firmware's configuration (DAP_Data in the reference firmware), with its power-up defaults. */
final class DapState {
    static final int MAX_JTAG_DEVICES = 8;

    DapPort port = DapPort.DISABLED;
    int idleCycles;
    int retryCount = 100;
    int matchRetry;
    int matchMask;
    /** SWD turnaround in cycles (1..4). */
    int turnaround = 1;
    boolean dataPhase;
    long clockHz;
    int jtagCount;
    int jtagIndex;
    final int[] irLength = new int[MAX_JTAG_DEVICES];
    final int[] irBefore = new int[MAX_JTAG_DEVICES];
    final int[] irAfter = new int[MAX_JTAG_DEVICES];
    /** Test-domain timer value captured by the last transfer that asked for a timestamp. */
    int timestamp;
    /** Set by TransferAbort from the USB receive path, cleared when a transfer command starts. */
    volatile boolean transferAbort;

    DapState(long defaultClockHz) {
        this.clockHz = defaultClockHz;
    }

    /** Bypass bits after the selected TAP in a DR scan (devices nearer TDI). */
    int drBitsAfter() {
        return jtagCount - jtagIndex - 1;
    }
}
