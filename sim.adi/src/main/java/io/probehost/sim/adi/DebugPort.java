package io.probehost.sim.adi;

import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.DebuggableMcu;

/**
 * The DP register file and AP dispatch of a minimal DPv1, shared by the SWD and JTAG front ends.
 * A transfer is admitted first ({@link #admit}), which decides the ACK, then carried out. Callers
 * hold the SwjDp lock.
 */
final class DebugPort {
    static final int DP_0 = 0x0; // DPIDR read, ABORT write
    static final int DP_4 = 0x4; // CTRL/STAT or DLCR per DPBANKSEL
    static final int DP_8 = 0x8; // SELECT write; RESEND (SWD) / SELECT (JTAG) read
    static final int DP_C = 0xC; // RDBUFF read, TARGETSEL write (not in DPv1: ignored)

    static final int ABORT_DAPABORT = 1;
    static final int ABORT_STKCMPCLR = 1 << 1;
    static final int ABORT_STKERRCLR = 1 << 2;
    static final int ABORT_WDERRCLR = 1 << 3;
    static final int ABORT_ORUNERRCLR = 1 << 4;

    static final int ORUNDETECT = 1;
    static final int STICKYORUN = 1 << 1;
    static final int STICKYCMP = 1 << 4;
    static final int STICKYERR = 1 << 5;
    static final int READOK = 1 << 6;
    static final int WDATAERR = 1 << 7;
    static final int CDBGRSTREQ = 1 << 26;
    static final int CDBGRSTACK = 1 << 27;
    static final int CDBGPWRUPREQ = 1 << 28;
    static final int CDBGPWRUPACK = 1 << 29;
    static final int CSYSPWRUPREQ = 1 << 30;
    static final int CSYSPWRUPACK = 1 << 31;
    private static final int STICKY_FLAGS = STICKYORUN | STICKYCMP | STICKYERR | WDATAERR;
    private static final int CTRL_REQUEST_BITS = CDBGRSTREQ | CDBGPWRUPREQ | CSYSPWRUPREQ | ORUNDETECT;

    /** DLCR reads WIREMODE = 01 (synchronous) besides TURNROUND. */
    private static final int DLCR_WIREMODE_SYNC = 0b01 << 6;

    enum Protocol { SWD, JTAG }

    private final DebuggableMcu mcu;
    private final int dpidr;
    private final AccessPort[] aps;
    private int stickyAndStatus;
    private int requests;
    private int select;
    private int turnround;
    private int readBuffer;
    private int lastReadResult;
    private int waitStorm;

    DebugPort(DebuggableMcu mcu, int dpidr, AccessPort... aps) {
        this.mcu = mcu;
        this.dpidr = dpidr;
        this.aps = aps.clone();
    }

    /**
     * Decides the answer to a request before any data moves. DPIDR and CTRL/STAT reads and ABORT
     * writes always get through, as on a real DP, so a host can recover from WAIT and FAULT.
     */
    Ack admit(boolean ap, boolean read, int address, Protocol protocol) {
        boolean alwaysAnswered = !ap && (read ? address == DP_0 || address == DP_4 : address == DP_0);
        if (waitStorm > 0 && !alwaysAnswered) {
            waitStorm--;
            flagOverrunIfDetecting();
            return Ack.WAIT;
        }
        if (protocol == Protocol.SWD && hasStickyError() && (ap || (read && address == DP_C))) {
            flagOverrunIfDetecting();
            return Ack.FAULT;
        }
        return Ack.OK;
    }

    /**
     * JTAG-DP: whether a DPACC/APACC capture finds the previous transaction still in progress
     * (ACK WAIT, and the scan's own request is dropped).
     */
    boolean jtagPreviousStillBusy() {
        if (waitStorm == 0) {
            return false;
        }
        waitStorm--;
        flagOverrunIfDetecting();
        return true;
    }

    private void flagOverrunIfDetecting() {
        if ((requests & ORUNDETECT) != 0) {
            stickyAndStatus |= STICKYORUN;
        }
    }

    boolean hasStickyError() {
        return (stickyAndStatus & STICKY_FLAGS) != 0;
    }

    boolean overrunDetect() {
        return (requests & ORUNDETECT) != 0;
    }

    int readDp(int address, Protocol protocol) {
        switch (address) {
            case DP_0:
                return dpidr;
            case DP_4:
                return dpBank() == 1 ? DLCR_WIREMODE_SYNC | (turnround << 8) : dpBank() == 0 ? ctrlStat() : 0;
            case DP_8:
                return protocol == Protocol.JTAG ? select : lastReadResult;
            default:
                if (protocol == Protocol.JTAG) {
                    return 0; // JTAG-DP RDBUFF: the result travels in the next scan anyway
                }
                lastReadResult = readBuffer;
                return readBuffer;
        }
    }

    void writeDp(int address, int value, Protocol protocol) {
        switch (address) {
            case DP_0:
                abort(protocol == Protocol.JTAG ? value & ABORT_DAPABORT : value);
                break;
            case DP_4:
                if (dpBank() == 0) {
                    writeCtrlStat(value, protocol);
                } else if (dpBank() == 1) {
                    turnround = (value >>> 8) & 0b11;
                }
                break;
            case DP_8:
                select = value;
                break;
            default:
                break;
        }
    }

    /** SWD AP read: starts the read and returns the previous AP read's result (posted read). */
    int readApPosted(int address) {
        int previous = readBuffer;
        readBuffer = readApNow(address);
        lastReadResult = previous;
        return previous;
    }

    /** The AP read itself; a bus fault sets STICKYERR and reads as 0. */
    int readApNow(int address) {
        try {
            int value = selectedAp().read(apRegister(address));
            stickyAndStatus |= READOK;
            return value;
        } catch (BusFault fault) {
            stickyAndStatus = (stickyAndStatus | STICKYERR) & ~READOK;
            return 0;
        }
    }

    void writeAp(int address, int value) {
        try {
            selectedAp().write(apRegister(address), value);
        } catch (BusFault fault) {
            stickyAndStatus |= STICKYERR;
        }
    }

    /** SWD write data with bad parity: the write is dropped. */
    void writeDataParityError() {
        stickyAndStatus |= WDATAERR;
    }

    int turnaroundCycles() {
        return turnround + 1;
    }

    void injectWaits(int transfers) {
        waitStorm = Math.max(0, transfers);
    }

    int pendingWaits() {
        return waitStorm;
    }

    private int dpBank() {
        return select & 0xF;
    }

    private AccessPort selectedAp() {
        int apsel = select >>> 24;
        return apsel < aps.length ? aps[apsel] : AccessPort.ABSENT;
    }

    private int apRegister(int address) {
        return (select & 0xF0) | (address & 0xC);
    }

    private int ctrlStat() {
        int value = requests | (stickyAndStatus & (STICKY_FLAGS | READOK));
        if ((requests & CDBGPWRUPREQ) != 0 && mcu.isDebugPowered()) {
            value |= CDBGPWRUPACK;
        }
        if ((requests & CSYSPWRUPREQ) != 0) {
            value |= CSYSPWRUPACK;
        }
        if ((requests & CDBGRSTREQ) != 0) {
            value |= CDBGRSTACK;
        }
        return value;
    }

    private void writeCtrlStat(int value, Protocol protocol) {
        boolean debugPowerWas = (requests & CDBGPWRUPREQ) != 0;
        requests = value & CTRL_REQUEST_BITS;
        if (protocol == Protocol.JTAG) {
            // JTAG-DP clears sticky flags by writing 1 to them in CTRL/STAT.
            stickyAndStatus &= ~(value & (STICKYORUN | STICKYCMP | STICKYERR));
        }
        boolean debugPowerNow = (requests & CDBGPWRUPREQ) != 0;
        if (debugPowerNow != debugPowerWas) {
            mcu.setDebugPowerRequested(debugPowerNow);
        }
    }

    private void abort(int value) {
        if ((value & ABORT_DAPABORT) != 0) {
            waitStorm = 0;
        }
        if ((value & ABORT_STKCMPCLR) != 0) {
            stickyAndStatus &= ~STICKYCMP;
        }
        if ((value & ABORT_STKERRCLR) != 0) {
            stickyAndStatus &= ~STICKYERR;
        }
        if ((value & ABORT_WDERRCLR) != 0) {
            stickyAndStatus &= ~WDATAERR;
        }
        if ((value & ABORT_ORUNERRCLR) != 0) {
            stickyAndStatus &= ~STICKYORUN;
        }
    }
}
