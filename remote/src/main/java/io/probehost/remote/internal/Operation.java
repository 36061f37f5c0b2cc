package io.probehost.remote.internal;

/** What a {@link MessageType#REQUEST} asks of the station, with its wire code. */
enum Operation {
    LIST_DEVICES(0x01),
    OPEN(0x02),
    CLOSE(0x03),
    CLAIM_INTERFACE(0x04),
    RELEASE_INTERFACE(0x05),
    BULK_TRANSFER(0x06),
    INTERRUPT_TRANSFER(0x07),
    CONTROL_TRANSFER(0x08);

    private final int code;

    Operation(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }

    static Operation fromCode(int code) {
        for (Operation operation : values()) {
            if (operation.code == code) {
                return operation;
            }
        }
        throw new RemoteProtocolException(String.format("unknown operation 0x%02x", code));
    }
}
