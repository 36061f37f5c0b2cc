package io.probehost.driver.pemicro.internal;

/**
 * The library's last SWD status (special feature 0x44000006): 4 ACK, 2 WAIT, 1 FAULT, the reverse of
 * ADIv5's ACK bit order. Anything else (no answer) is kept as its raw value.
 */
enum SwdStatus {
    ACK(4), WAIT(2), FAULT(1), OTHER(-1);

    private final int code;

    SwdStatus(int code) {
        this.code = code;
    }

    static SwdStatus fromCode(int code) {
        for (SwdStatus status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        return OTHER;
    }
}
