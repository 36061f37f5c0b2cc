package io.probehost.sim.probe.cmsisdap;

/**
 * One SWD transaction as SW_DP.c clocks it: request, turnaround, ACK, data phase (or the optional
 * dummy data phase after WAIT/FAULT, or the back-off after a protocol error), idle cycles.
 */
final class SwdProtocol implements DapTransaction {
    private final SwjWire wire;
    private final DapState state;
    private final TestDomainTimer timer;
    /** Data read by the last successful read transaction. */
    int data;

    SwdProtocol(SwjWire wire, DapState state, TestDomainTimer timer) {
        this.wire = wire;
        this.state = state;
        this.timer = timer;
    }

    @Override
    public int lastRead() {
        return data;
    }

    /** Clocks one transaction; for writes {@code writeData} is sent. Returns the ACK (plus protocol error bit). */
    @Override
    public int transfer(int request, int writeData) {
        boolean apndp = (request & 0x01) != 0;
        boolean rnw = (request & 0x02) != 0;
        boolean a2 = (request & 0x04) != 0;
        boolean a3 = (request & 0x08) != 0;
        wire.swdWrite(true);
        wire.swdWrite(apndp);
        wire.swdWrite(rnw);
        wire.swdWrite(a2);
        wire.swdWrite(a3);
        wire.swdWrite(apndp ^ rnw ^ a2 ^ a3);
        wire.swdWrite(false);
        wire.swdWrite(true);

        wire.setSwdioOutput(false);
        turnaround();
        int ack = 0;
        for (int i = 0; i < 3; i++) {
            ack |= (wire.swdRead() ? 1 : 0) << i;
        }

        if (ack == TransferAck.OK) {
            if (rnw) {
                int value = 0;
                int parity = 0;
                for (int i = 0; i < 32; i++) {
                    int bit = wire.swdRead() ? 1 : 0;
                    parity ^= bit;
                    value |= bit << i;
                }
                int parityBit = wire.swdRead() ? 1 : 0;
                if ((parity ^ parityBit) != 0) {
                    ack = TransferAck.PROTOCOL_ERROR;
                }
                data = value;
                turnaround();
                wire.setSwdioOutput(true);
            } else {
                turnaround();
                wire.setSwdioOutput(true);
                int parity = 0;
                for (int i = 0; i < 32; i++) {
                    boolean bit = ((writeData >>> i) & 1) != 0;
                    parity ^= bit ? 1 : 0;
                    wire.swdWrite(bit);
                }
                wire.swdWrite(parity != 0);
            }
            captureTimestamp(request);
            if (state.idleCycles > 0) {
                wire.setSwdio(false);
                for (int i = 0; i < state.idleCycles; i++) {
                    wire.swdCycle();
                }
            }
            wire.setSwdio(true);
            wire.flush();
            return ack;
        }

        if (ack == TransferAck.WAIT || ack == TransferAck.FAULT) {
            if (state.dataPhase && rnw) {
                for (int i = 0; i < 33; i++) {
                    wire.swdCycle();
                }
            }
            turnaround();
            wire.setSwdioOutput(true);
            if (state.dataPhase && !rnw) {
                wire.setSwdio(false);
                for (int i = 0; i < 33; i++) {
                    wire.swdCycle();
                }
            }
            wire.setSwdio(true);
            wire.flush();
            return ack;
        }

        // Protocol error (no target, garbage ACK): back off over a whole data phase.
        for (int i = 0; i < state.turnaround + 33; i++) {
            wire.swdCycle();
        }
        wire.setSwdioOutput(true);
        wire.setSwdio(true);
        wire.flush();
        return ack;
    }

    private void turnaround() {
        for (int i = 0; i < state.turnaround; i++) {
            wire.swdCycle();
        }
    }

    private void captureTimestamp(int request) {
        if ((request & TransferAck.TIMESTAMP) != 0 && timer.present()) {
            wire.flush();
            state.timestamp = timer.now();
        }
    }
}
