package io.probehost.driver.cmsisdap.internal;

/** The ACK field (bits 2:0) of a DAP_Transfer / DAP_TransferBlock LastResponse byte. */
enum TransferAck {
    OK(1), WAIT(2), FAULT(4), NO_ACK(7);

    /** LastResponse bit 3: SWD parity error or an invalid ACK pattern. */
    static final int PROTOCOL_ERROR = 1 << 3;
    /** LastResponse bit 4: a value-match read ran out of retries. */
    static final int VALUE_MISMATCH = 1 << 4;

    private final int code;

    TransferAck(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }

    static TransferAck fromCode(int code) {
        for (TransferAck ack : values()) {
            if (ack.code == code) {
                return ack;
            }
        }
        throw new IllegalArgumentException("not a CMSIS-DAP transfer ACK: " + code);
    }
}
