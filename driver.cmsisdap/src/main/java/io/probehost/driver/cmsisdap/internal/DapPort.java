package io.probehost.driver.cmsisdap.internal;

/** The ports DAP_Connect selects, with their codes; {@code NONE} is the "failed" answer. */
enum DapPort {
    NONE(0), SWD(1), JTAG(2);

    private final int code;

    DapPort(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }

    static DapPort fromCode(int code) {
        for (DapPort port : values()) {
            if (port.code == code) {
                return port;
            }
        }
        throw new IllegalArgumentException(String.format("not a DAP port: 0x%02X", code));
    }
}
