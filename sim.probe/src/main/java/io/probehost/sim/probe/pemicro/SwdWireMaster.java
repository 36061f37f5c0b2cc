package io.probehost.sim.probe.pemicro;

import io.probehost.sim.adi.SwjPins;
import io.probehost.sim.probe.cmsisdap.LinkMeter;
import io.probehost.sim.probe.swd.SwdPacketClock;

/**
 * The Multilink's SWD master: DP and AP register accesses clocked on the target's {@link SwjPins}.
 * As the library does for its callers, it writes DP SELECT itself (AP, AP bank and DP bank) and turns
 * the posted AP read into a value with RDBUFF. The packets are clocked by {@link SwdPacketClock}. WAIT is retried a few times; what remains is reported
 * in the library's SWD status code ({@link #ACK}, {@link #WAIT}, {@link #FAULT}: the reverse of the
 * ADIv5 ACK bit order). Every cycle is charged to the link meter at the shift frequency.
 */
final class SwdWireMaster {
    static final int ACK = 4;
    static final int WAIT = 2;
    static final int FAULT = 1;
    /** No answer, or a parity error: neither ACK, WAIT nor FAULT. */
    static final int NO_RESPONSE = 7;

    static final int DP_DPIDR = 0x0;
    static final int DP_ABORT = 0x0;
    static final int DP_CTRL_STAT = 0x4;
    static final int DP_SELECT = 0x8;
    static final int DP_RDBUFF = 0xC;

    private static final int WAIT_RETRIES = 16;

    private final SwdPacketClock packets;
    private final LinkMeter meter;
    private long clockHz = 1_000_000;
    private long pendingCycles;
    private int select = -1;

    SwdWireMaster(SwjPins pins, LinkMeter meter) {
        this.packets = new SwdPacketClock(pins, () -> pendingCycles++);
        this.meter = meter;
    }

    SwjPins pins() {
        return packets.pins();
    }

    void setClockHz(long hz) {
        flush();
        clockHz = Math.max(1, hz);
    }

    long clockHz() {
        return clockHz;
    }

    /** The value of the last successful read. */
    int value() {
        return packets.value();
    }

    /** Line reset, the JTAG-to-SWD sequence, line reset and idle; SELECT is unknown afterwards. */
    void switchToSwd() {
        select = -1;
        packets.jtagToSwd();
        flush();
    }

    /** Reads a DP register; {@code register} bits 7:4 are the DPv2 bank, written to SELECT.DPBANKSEL. */
    int readDp(int register) {
        int address = register & 0xC;
        if (address == DP_CTRL_STAT || register > 0xF) {
            int status = selectDpBank(register >>> 4 & 0xF);
            if (status != ACK) {
                return status;
            }
        }
        return transfer(false, true, address, 0);
    }

    int writeDp(int register, int data) {
        int address = register & 0xC;
        if (address == DP_CTRL_STAT && register > 0xF) {
            int status = selectDpBank(register >>> 4 & 0xF);
            if (status != ACK) {
                return status;
            }
        }
        int status = transfer(false, false, address, data);
        if (address == DP_SELECT && status == ACK) {
            select = data;
        }
        return status;
    }

    /** An AP read: SELECT if needed, the posted read, then RDBUFF for its value. */
    int readAp(int ap, int register) {
        int status = selectAp(ap, register);
        if (status == ACK) {
            status = transfer(true, true, register & 0xC, 0);
        }
        return status == ACK ? transfer(false, true, DP_RDBUFF, 0) : status;
    }

    int writeAp(int ap, int register, int data) {
        int status = selectAp(ap, register);
        return status == ACK ? transfer(true, false, register & 0xC, data) : status;
    }

    /** Clears the sticky error flags through ABORT, as the library does after a FAULT. */
    void clearStickyErrors() {
        transfer(false, false, DP_ABORT, 0x1E);
    }

    private int selectAp(int ap, int register) {
        int wanted = ap << 24 | (register & 0xF0) | (select == -1 ? 0 : select & 0xF);
        return wanted == select ? ACK : writeDp(DP_SELECT, wanted);
    }

    private int selectDpBank(int bank) {
        int wanted = (select == -1 ? 0 : select & ~0xF) | bank;
        return wanted == select ? ACK : writeDp(DP_SELECT, wanted);
    }

    private int transfer(boolean ap, boolean read, int address, int data) {
        int ack = SwdPacketClock.ACK_WAIT;
        for (int attempt = 0; attempt < WAIT_RETRIES && ack == SwdPacketClock.ACK_WAIT; attempt++) {
            ack = packets.transfer(ap, read, address, data);
        }
        flush();
        return switch (ack) {
            case SwdPacketClock.ACK_OK -> ACK;
            case SwdPacketClock.ACK_WAIT -> WAIT;
            case SwdPacketClock.ACK_FAULT -> FAULT;
            default -> NO_RESPONSE;
        };
    }

    private void flush() {
        if (pendingCycles > 0) {
            meter.wireCycles(false, pendingCycles, clockHz);
            pendingCycles = 0;
        }
    }
}
