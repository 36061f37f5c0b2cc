package io.probehost.arch.arm.internal;

/** DP registers, as {@code (bank << 4) | A[3:2]} like pyOCD and OpenOCD encode banked ones. */
final class DpRegister {
    static final int DPIDR = 0x0;
    static final int ABORT = 0x0;
    static final int CTRL_STAT = 0x4;
    static final int SELECT = 0x8;
    static final int RDBUFF = 0xC;
    static final int TARGETID = 0x24;
    static final int DLPIDR = 0x34;

    static final int ABORT_DAPABORT = 1;
    /** STKCMPCLR | STKERRCLR | WDERRCLR | ORUNERRCLR. */
    static final int ABORT_CLEAR_STICKY = 0x1E;

    static final int STAT_STICKYORUN = 1 << 1;
    static final int STAT_STICKYCMP = 1 << 4;
    static final int STAT_STICKYERR = 1 << 5;
    static final int STAT_WDATAERR = 1 << 7;
    static final int STAT_CDBGPWRUPREQ = 1 << 28;
    static final int STAT_CDBGPWRUPACK = 1 << 29;
    static final int STAT_CSYSPWRUPREQ = 1 << 30;
    static final int STAT_CSYSPWRUPACK = 1 << 31;
    static final int POWER_UP_REQUEST = STAT_CSYSPWRUPREQ | STAT_CDBGPWRUPREQ;
    static final int POWER_UP_ACKS = STAT_CSYSPWRUPACK | STAT_CDBGPWRUPACK;
    /** In JTAG the sticky flags are write-one-to-clear in CTRL/STAT itself. */
    static final int JTAG_STICKY_W1C = STAT_STICKYERR | STAT_STICKYCMP | STAT_STICKYORUN;

    private DpRegister() {
    }

    static int bank(int register) {
        return (register >>> 4) & 0xF;
    }

    static int address(int register) {
        return register & 0xC;
    }

    /** Names the set sticky and power flags of a CTRL/STAT value, for error messages. */
    static String describeCtrlStat(int value) {
        StringBuilder flags = new StringBuilder(String.format("CTRL/STAT 0x%08X", value));
        appendIf(flags, value, STAT_STICKYERR, "STICKYERR");
        appendIf(flags, value, STAT_STICKYORUN, "STICKYORUN");
        appendIf(flags, value, STAT_STICKYCMP, "STICKYCMP");
        appendIf(flags, value, STAT_WDATAERR, "WDATAERR");
        return flags.toString();
    }

    private static void appendIf(StringBuilder flags, int value, int bit, String name) {
        if ((value & bit) != 0) {
            flags.append(' ').append(name);
        }
    }
}
