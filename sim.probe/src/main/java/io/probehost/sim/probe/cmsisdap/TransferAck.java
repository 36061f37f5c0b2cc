package io.probehost.sim.probe.cmsisdap;

/** DAP_Transfer response bits (SWD-style ACK in bits 2:0, protocol error, value mismatch). */
final class TransferAck {
    static final int OK = 0x01;
    static final int WAIT = 0x02;
    static final int FAULT = 0x04;
    static final int NO_ACK = 0x07;
    static final int PROTOCOL_ERROR = 0x08;
    static final int MISMATCH = 0x10;

    /** Request byte bits. */
    static final int AP = 0x01;
    static final int READ = 0x02;
    static final int VALUE_MATCH = 0x10;
    static final int MATCH_MASK = 0x20;
    static final int TIMESTAMP = 0x80;
    /** DP RDBUFF read, as the firmware issues it to collect posted reads and confirm writes. */
    static final int RDBUFF_READ = 0x0C | READ;
    static final int DP_ABORT_WRITE = 0x00;

    private TransferAck() {
    }
}
