package io.probehost.sim.probe.stlink;

import io.probehost.sim.adi.SwjPins;

/**
 * SWD transactions clocked cycle by cycle: one turnaround cycle, no data phase after WAIT/FAULT (the
 * firmware leaves overrun detection off), a whole data phase of back-off after a protocol error, two
 * idle cycles after each transaction.
 */
final class SwdMaster extends DapMaster {
    private static final int ACK_OK = 1;
    private static final int ACK_WAIT = 2;
    private static final int ACK_FAULT = 4;
    private static final int PARITY = 8;
    private static final int IDLE_CYCLES = 2;

    SwdMaster(SwjPins pins, StlinkLink link, long clockHz) {
        super(pins, link, false, clockHz);
    }

    /** Line reset, the 0xE79E JTAG-to-SWD sequence, line reset and idle. */
    @Override
    void switchProtocol() {
        ones(51);
        int sequence = 0xE79E;
        for (int i = 0; i < 16; i++) {
            write(((sequence >>> i) & 1) != 0);
        }
        ones(51);
        write(false);
        write(false);
    }

    @Override
    int clearStickyErrors() {
        return writeDp(DP_ABORT, 0x1E);
    }

    @Override
    int idcode() {
        return transfer(false, true, DP_IDCODE, 0);
    }

    @Override
    int transfer(boolean ap, boolean read, int address, int data) {
        int ack = ACK_WAIT;
        for (int attempt = 0; attempt < WAIT_RETRIES && ack == ACK_WAIT; attempt++) {
            ack = clock(ap, read, address, data);
        }
        switch (ack) {
            case ACK_OK:
                return StlinkStatus.OK;
            case ACK_WAIT:
                return failure(ap, StlinkStatus.SWD_AP_WAIT);
            case ACK_FAULT:
                return failure(ap, StlinkStatus.SWD_AP_FAULT);
            case PARITY:
                return failure(ap, StlinkStatus.SWD_AP_PARITY_ERROR);
            default:
                return failure(ap, StlinkStatus.SWD_AP_ERROR);
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
        cycle();
        pins().swdClock(true, bit);
    }

    private boolean sample() {
        cycle();
        return pins().swdClock(false, false);
    }
}
