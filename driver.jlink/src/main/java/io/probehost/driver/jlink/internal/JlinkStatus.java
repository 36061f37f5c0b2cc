package io.probehost.driver.jlink.internal;

import io.probehost.api.ProbeException;

/** The status byte that ends an HW_JTAG3 answer, and the typed error of a bad one. */
enum JlinkStatus {
    OK(0x00, "OK"),
    NO_MEMORY(0x06, "out of memory: the request does not fit in the probe's buffer");

    private final int code;
    private final String meaning;

    JlinkStatus(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    int code() {
        return code;
    }

    /** Throws {@link JlinkStatusException} for any status but OK. */
    static void check(int code, String command, int bitCount) {
        if (code == OK.code) {
            return;
        }
        String meaning = code == NO_MEMORY.code ? NO_MEMORY.meaning : "error";
        throw new JlinkStatusException(code, String.format("J-Link answered %s of %d bits with status 0x%02X (%s)",
                command, bitCount, code, meaning));
    }

    /** A J-Link command that ended with a non-zero status; the code is kept. */
    static final class JlinkStatusException extends ProbeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        JlinkStatusException(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }
}
