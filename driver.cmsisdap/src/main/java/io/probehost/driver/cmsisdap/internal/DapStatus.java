package io.probehost.driver.cmsisdap.internal;

import io.probehost.api.ProbeException;

/** The generic status byte most commands answer with. */
enum DapStatus {
    OK(0x00), ERROR(0xFF);

    private final int code;

    DapStatus(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }

    /** Throws unless the status byte is DAP_OK; anything else counts as DAP_ERROR. */
    static void check(byte status, CommandId command) {
        if ((status & 0xFF) != OK.code) {
            throw new ProbeException(String.format("CMSIS-DAP probe refused %s: status 0x%02X", command,
                    status & 0xFF));
        }
    }
}
