package io.probehost.sim.probe.stlink;

import io.probehost.sim.adi.SwjPins;

/**
 * The ST-Link's own SWD engine: the JTAG-to-SWD switch, and DP/AP register transactions clocked cycle
 * by cycle on the target's {@link SwjPins} (one turnaround cycle, no data phase after WAIT/FAULT, two
 * idle cycles after each transaction). WAIT is retried inside the probe, as the firmware does; what
 * remains is reported as the firmware's status code. The DP SELECT register is cached.
 */
final class SwdMaster {
    static final int DP_IDCODE = 0x0;
    static final int DP_ABORT = 0x0;
    static final int DP_CTRL_STAT = 0x4;
    static final int DP_SELECT = 0x8;
    static final int DP_RDBUFF = 0xC;
    static final int STICKYERR = 1 << 5;

    private static final int ACK_OK = 1;
    private static final int ACK_WAIT = 2;
    private static final int ACK_FAULT = 4;
    private static final int PARITY = 8;
    private static final int WAIT_RETRIES = 64;
    private static final int IDLE_CYCLES = 2;

    private final SwjPins pins;
    private final StlinkLink link;
    private long clockHz = 1_800_000;
    private long pendingCycles;
    private int select = -1;
    /** The value read by the last successful read. */
    int value;

    SwdMaster(SwjPins pins, StlinkLink link) {
        this.pins = pins;
        this.link = link;
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

    /** Line reset, the 0xE79E JTAG-to-SWD sequence, line reset and idle; SELECT is unknown afterwards. */
    void switchToSwd() {
        ones(51);
        int sequence = 0xE79E;
        for (int i = 0; i < 16; i++) {
            write(((sequence >>> i) & 1) != 0);
        }
        ones(51);
        write(false);
        write(false);
        select = -1;
        flush();
    }

    int readDp(int address) {
        return transfer(false, true, address, 0);
    }

    int writeDp(int address, int data) {
        int status = transfer(false, false, address, data);
        if (address == DP_SELECT && status == StlinkStatus.OK) {
            select = data;
        }
        return status;
    }

    /** Selects the AP and bank, then reads an AP register through the posted read and RDBUFF. */
    int readAp(int ap, int address) {
        int status = selectAp(ap, address);
        if (status == StlinkStatus.OK) {
            status = transfer(true, true, address, 0);
        }
        return status == StlinkStatus.OK ? readDp(DP_RDBUFF) : status;
    }

    int writeAp(int ap, int address, int data) {
        int status = selectAp(ap, address);
        return status == StlinkStatus.OK ? transfer(true, false, address, data) : status;
    }

    /** A posted AP read (DRW in a pipelined block): returns the previous AP read's data in {@link #value}. */
    int postedReadAp(int address) {
        return transfer(true, true, address, 0);
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

    void forgetSelect() {
        select = -1;
    }

    private int transfer(boolean ap, boolean read, int address, int data) {
        int ack = ACK_WAIT;
        for (int attempt = 0; attempt < WAIT_RETRIES && ack == ACK_WAIT; attempt++) {
            ack = clock(ap, read, address, data);
        }
        flush();
        switch (ack) {
            case ACK_OK:
                return StlinkStatus.OK;
            case ACK_WAIT:
                return ap ? StlinkStatus.SWD_AP_WAIT : StlinkStatus.SWD_DP_WAIT;
            case ACK_FAULT:
                return ap ? StlinkStatus.SWD_AP_FAULT : StlinkStatus.SWD_DP_FAULT;
            case PARITY:
                return ap ? StlinkStatus.SWD_AP_PARITY_ERROR : StlinkStatus.SWD_DP_PARITY_ERROR;
            default:
                return ap ? StlinkStatus.SWD_AP_ERROR : StlinkStatus.SWD_DP_ERROR;
        }
    }

    private int clock(boolean ap, boolean read, int address, int data) {
        boolean a2 = (address & 0x4) != 0;
        boolean a3 = (address & 0x8) != 0;
        write(true);
        write(ap);
        write(read);
        write(a2);
        write(a3);
        write(ap ^ read ^ a2 ^ a3);
        write(false);
        write(true);
        sample(); // turnaround
        int ack = 0;
        for (int i = 0; i < 3; i++) {
            ack |= (sample() ? 1 : 0) << i;
        }
        if (ack != ACK_OK) {
            if (ack != ACK_WAIT && ack != ACK_FAULT) {
                for (int i = 0; i < 33; i++) {
                    sample(); // protocol error: back off over a whole data phase
                }
            }
            sample();
            return ack;
        }
        if (read) {
            int word = 0;
            int parity = 0;
            for (int i = 0; i < 32; i++) {
                int bit = sample() ? 1 : 0;
                parity ^= bit;
                word |= bit << i;
            }
            boolean parityOk = (sample() ? 1 : 0) == parity;
            sample(); // turnaround
            idle();
            if (!parityOk) {
                return PARITY;
            }
            value = word;
        } else {
            sample(); // turnaround
            for (int i = 0; i < 32; i++) {
                write(((data >>> i) & 1) != 0);
            }
            write(Integer.bitCount(data) % 2 != 0);
            idle();
        }
        return ACK_OK;
    }

    private void idle() {
        for (int i = 0; i < IDLE_CYCLES; i++) {
            write(false);
        }
    }

    private void ones(int n) {
        for (int i = 0; i < n; i++) {
            write(true);
        }
    }

    private void write(boolean bit) {
        pendingCycles++;
        pins.swdClock(true, bit);
    }

    private boolean sample() {
        pendingCycles++;
        return pins.swdClock(false, false);
    }

    private void flush() {
        link.swdCycles(pendingCycles, clockHz);
        pendingCycles = 0;
    }
}
