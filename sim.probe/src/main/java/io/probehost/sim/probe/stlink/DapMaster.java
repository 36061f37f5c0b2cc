package io.probehost.sim.probe.stlink;

import io.probehost.sim.adi.SwjPins;

/**
 * The ST-Link's own debug-port master: DP and AP register transactions on the target's
 * {@link SwjPins}, over SWD ({@link SwdMaster}) or JTAG ({@link JtagMaster}). Both give the same
 * view: DP reads return their value, AP reads are posted (a read returns the previous AP read's data,
 * RDBUFF the last one), WAIT is retried inside the probe as the firmware does, and what remains is
 * the firmware's status code. The DP SELECT register is cached. Cycles are charged to the link model.
 */
abstract class DapMaster {
    static final int DP_IDCODE = 0x0;
    static final int DP_ABORT = 0x0;
    static final int DP_CTRL_STAT = 0x4;
    static final int DP_SELECT = 0x8;
    static final int DP_RDBUFF = 0xC;
    static final int STICKYERR = 1 << 5;
    static final int WAIT_RETRIES = 64;

    private final SwjPins pins;
    private final StlinkLink link;
    private final boolean jtag;
    private long clockHz;
    private long pendingCycles;
    private int select = -1;
    /** The value read by the last successful read. */
    int value;

    DapMaster(SwjPins pins, StlinkLink link, boolean jtag, long clockHz) {
        this.pins = pins;
        this.link = link;
        this.jtag = jtag;
        this.clockHz = clockHz;
    }

    SwjPins pins() {
        return pins;
    }

    void setClockHz(long hz) {
        flush();
        clockHz = hz;
    }

    long clockHz() {
        return clockHz;
    }

    /** Switches the SWJ-DP to this protocol and resets its state machine; SELECT is unknown afterwards. */
    final void connect() {
        select = -1;
        switchProtocol();
        flush();
    }

    /** Reads the DP's identification (SW-DP DPIDR, or the JTAG TAP's IDCODE). */
    final int readIdcode() {
        int status = idcode();
        flush();
        return status;
    }

    abstract void switchProtocol();

    /** Clears the DP's sticky error flags: ABORT over SWD, CTRL/STAT write-one-to-clear over JTAG. */
    abstract int clearStickyErrors();

    abstract int idcode();

    /** One transaction with WAIT retried; reads leave their data in {@link #value}. */
    abstract int transfer(boolean ap, boolean read, int address, int data);

    int readDp(int address) {
        int status = transfer(false, true, address, 0);
        flush();
        return status;
    }

    int writeDp(int address, int data) {
        int status = transfer(false, false, address, data);
        flush();
        if (address == DP_SELECT && status == StlinkStatus.OK) {
            select = data;
        }
        return status;
    }

    /** Selects the AP and bank, then reads an AP register through the posted read and RDBUFF. */
    int readAp(int ap, int address) {
        int status = selectAp(ap, address);
        if (status == StlinkStatus.OK) {
            status = postedReadAp(address);
        }
        return status == StlinkStatus.OK ? readDp(DP_RDBUFF) : status;
    }

    int writeAp(int ap, int address, int data) {
        int status = selectAp(ap, address);
        if (status == StlinkStatus.OK) {
            status = transfer(true, false, address, data);
            flush();
        }
        return status;
    }

    /** A posted AP read (DRW in a pipelined block): {@link #value} is the previous AP read's data. */
    int postedReadAp(int address) {
        int status = transfer(true, true, address, 0);
        flush();
        return status;
    }

    int selectAp(int ap, int address) {
        int wanted = ap << 24 | (address & 0xF0);
        return wanted == select ? StlinkStatus.OK : writeDp(DP_SELECT, wanted);
    }

    /** Selects a DP register bank (DPv2 banked registers); the AP bits stay. */
    int selectDpBank(int bank) {
        int wanted = (select == -1 ? 0 : select & ~0xF) | bank;
        return wanted == select ? StlinkStatus.OK : writeDp(DP_SELECT, wanted);
    }

    /** The status code of a transaction that failed: WAIT, FAULT, protocol or parity error, AP or DP. */
    static int failure(boolean ap, int kind) {
        return ap ? kind : kind + (StlinkStatus.SWD_DP_WAIT - StlinkStatus.SWD_AP_WAIT);
    }

    final void cycle() {
        pendingCycles++;
    }

    private void flush() {
        link.wireCycles(jtag, pendingCycles, clockHz);
        pendingCycles = 0;
    }
}
