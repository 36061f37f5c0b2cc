package io.probehost.driver.stlink.internal;

/** The status byte of a DEBUG_COMMAND reply (byte 0), or of GETLASTRWSTATUS2. */
enum StlinkStatus {
    OK(0x80, "OK"),
    FAULT(0x81, "debug fault"),
    UNKNOWN_ERROR(0x01, "unknown error"),
    SPI_ERROR(0x02, "SPI error"),
    DMA_ERROR(0x03, "DMA error"),
    UNKNOWN_JTAG_CHAIN(0x04, "unknown JTAG chain"),
    NO_DEVICE_CONNECTED(0x05, "no device connected"),
    INTERNAL_ERROR(0x06, "internal error"),
    CMD_WAIT(0x07, "command wait"),
    CMD_ERROR(0x08, "command error"),
    GET_IDCODE_ERROR(0x09, "cannot read IDCODE"),
    ALIGNMENT_ERROR(0x0A, "alignment error"),
    DBG_POWER_ERROR(0x0B, "debug power error"),
    WRITE_ERROR(0x0C, "write error"),
    WRITE_VERIF_ERROR(0x0D, "write verify error"),
    ALREADY_OPENED_IN_OTHER_MODE(0x0E, "already opened in another mode"),
    SWD_AP_WAIT(0x10, "SWD AP WAIT"),
    SWD_AP_FAULT(0x11, "SWD AP FAULT"),
    SWD_AP_ERROR(0x12, "SWD AP error"),
    SWD_AP_PARITY_ERROR(0x13, "SWD AP parity error"),
    SWD_DP_WAIT(0x14, "SWD DP WAIT"),
    SWD_DP_FAULT(0x15, "SWD DP FAULT"),
    SWD_DP_ERROR(0x16, "SWD DP error"),
    SWD_DP_PARITY_ERROR(0x17, "SWD DP parity error"),
    SWD_AP_WDATA_ERROR(0x18, "SWD AP write data error"),
    SWD_AP_STICKY_ERROR(0x19, "SWD AP sticky error"),
    SWD_AP_STICKYORUN_ERROR(0x1A, "SWD AP sticky overrun error"),
    BAD_AP(0x1D, "bad AP (not initialised or not present)"),
    SWV_NOT_AVAILABLE(0x20, "SWV not available"),
    JTAG_CONF_CHANGED(0x40, "configuration changed"),
    JTAG_FREQ_NOT_SUPPORTED(0x41, "frequency not supported"),
    JTAG_UNKNOWN_CMD(0x42, "unknown command");

    private final int code;
    private final String description;

    StlinkStatus(int code, String description) {
        this.code = code;
        this.description = description;
    }

    int code() {
        return code;
    }

    String description() {
        return description;
    }

    /** @throws IllegalArgumentException for a code the protocol note does not list */
    static StlinkStatus fromCode(int code) {
        for (StlinkStatus status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        throw new IllegalArgumentException(String.format("unknown ST-Link status 0x%02X", code));
    }

    /** WAIT answers, which are retried. */
    boolean isWait() {
        return this == SWD_AP_WAIT || this == SWD_DP_WAIT || this == CMD_WAIT;
    }

    /** Faults of a memory or register access (0x01 is what older firmware answers for them). */
    boolean isFault() {
        return this == FAULT || this == SWD_AP_FAULT || this == SWD_DP_FAULT || this == SWD_AP_WDATA_ERROR
                || this == SWD_AP_STICKY_ERROR || this == UNKNOWN_ERROR;
    }

    @Override
    public String toString() {
        return String.format("%s (0x%02X)", description, code);
    }
}
