package io.probehost.sim.probe.cmsisdap;

/** The debug port the firmware drives, with its DAP_Connect code. */
enum DapPort {
    DISABLED(0), SWD(1), JTAG(2);

    final int code;

    DapPort(int code) {
        this.code = code;
    }
}
