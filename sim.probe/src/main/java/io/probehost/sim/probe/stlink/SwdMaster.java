package io.probehost.sim.probe.stlink;

import io.probehost.sim.adi.SwjPins;
import io.probehost.sim.probe.swd.SwdPacketClock;

/**
 * SWD transactions clocked cycle by cycle ({@link SwdPacketClock}): one turnaround cycle, no data
 * phase after WAIT/FAULT (the firmware leaves overrun detection off), a whole data phase of back-off
 * after a protocol error, two idle cycles after each transaction.
 */
final class SwdMaster extends DapMaster {
    private final SwdPacketClock packets;

    SwdMaster(SwjPins pins, StlinkLink link, long clockHz) {
        super(pins, link, false, clockHz);
        this.packets = new SwdPacketClock(pins, this::cycle);
    }

    /** Line reset, the 0xE79E JTAG-to-SWD sequence, line reset and idle. */
    @Override
    void switchProtocol() {
        packets.jtagToSwd();
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
        int ack = SwdPacketClock.ACK_WAIT;
        for (int attempt = 0; attempt < WAIT_RETRIES && ack == SwdPacketClock.ACK_WAIT; attempt++) {
            ack = packets.transfer(ap, read, address, data);
        }
        switch (ack) {
            case SwdPacketClock.ACK_OK:
                if (read) {
                    value = packets.value();
                }
                return StlinkStatus.OK;
            case SwdPacketClock.ACK_WAIT:
                return failure(ap, StlinkStatus.SWD_AP_WAIT);
            case SwdPacketClock.ACK_FAULT:
                return failure(ap, StlinkStatus.SWD_AP_FAULT);
            case SwdPacketClock.PARITY_ERROR:
                return failure(ap, StlinkStatus.SWD_AP_PARITY_ERROR);
            default:
                return failure(ap, StlinkStatus.SWD_AP_ERROR);
        }
    }
}
