package io.probehost.sim.probe.stlink;

/** The status codes of the ST-Link firmware (response byte 0), as the protocol note lists them. */
final class StlinkStatus {
    static final int OK = 0x80;
    static final int FAULT = 0x81;
    static final int CORE_RUNNING = 0x80;
    static final int CORE_HALTED = 0x81;
    static final int UNKNOWN_ERROR = 0x01;
    static final int NO_DEVICE_CONNECTED = 0x05;
    static final int CMD_ERROR = 0x08;
    static final int GET_IDCODE_ERROR = 0x09;
    static final int ALIGNMENT_ERROR = 0x0A;
    static final int DBG_POWER_ERROR = 0x0B;
    static final int SWD_AP_WAIT = 0x10;
    static final int SWD_AP_FAULT = 0x11;
    static final int SWD_AP_ERROR = 0x12;
    static final int SWD_AP_PARITY_ERROR = 0x13;
    static final int SWD_DP_WAIT = 0x14;
    static final int SWD_DP_FAULT = 0x15;
    static final int SWD_DP_ERROR = 0x16;
    static final int SWD_DP_PARITY_ERROR = 0x17;
    static final int SWD_AP_STICKY_ERROR = 0x19;
    static final int BAD_AP = 0x1D;
    static final int CONF_CHANGED = 0x40;
    static final int FREQ_NOT_SUPPORTED = 0x41;
    static final int UNKNOWN_COMMAND = 0x42;

    private StlinkStatus() {
    }
}
