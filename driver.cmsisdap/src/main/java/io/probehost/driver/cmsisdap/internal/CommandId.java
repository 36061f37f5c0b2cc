package io.probehost.driver.cmsisdap.internal;

/** The CMSIS-DAP command IDs this driver sends, with their wire codes. */
enum CommandId {
    INFO(0x00, "DAP_Info"),
    HOST_STATUS(0x01, "DAP_HostStatus"),
    CONNECT(0x02, "DAP_Connect"),
    DISCONNECT(0x03, "DAP_Disconnect"),
    TRANSFER_CONFIGURE(0x04, "DAP_TransferConfigure"),
    TRANSFER(0x05, "DAP_Transfer"),
    TRANSFER_BLOCK(0x06, "DAP_TransferBlock"),
    TRANSFER_ABORT(0x07, "DAP_TransferAbort"),
    WRITE_ABORT(0x08, "DAP_WriteABORT"),
    DELAY(0x09, "DAP_Delay"),
    RESET_TARGET(0x0A, "DAP_ResetTarget"),
    SWJ_PINS(0x10, "DAP_SWJ_Pins"),
    SWJ_CLOCK(0x11, "DAP_SWJ_Clock"),
    SWJ_SEQUENCE(0x12, "DAP_SWJ_Sequence"),
    SWD_CONFIGURE(0x13, "DAP_SWD_Configure"),
    JTAG_SEQUENCE(0x14, "DAP_JTAG_Sequence"),
    JTAG_CONFIGURE(0x15, "DAP_JTAG_Configure"),
    JTAG_IDCODE(0x16, "DAP_JTAG_IDCODE"),
    SWD_SEQUENCE(0x1D, "DAP_SWD_Sequence"),
    EXECUTE_COMMANDS(0x7F, "DAP_ExecuteCommands");

    /** What a probe answers instead of the echo to a command it does not implement. */
    static final int INVALID = 0xFF;

    private final int code;
    private final String specName;

    CommandId(int code, String specName) {
        this.code = code;
        this.specName = specName;
    }

    int code() {
        return code;
    }

    static CommandId fromCode(int code) {
        for (CommandId id : values()) {
            if (id.code == code) {
                return id;
            }
        }
        throw new IllegalArgumentException(String.format("not a CMSIS-DAP command ID: 0x%02X", code));
    }

    /** The spec name and code, as messages show them: {@code DAP_Transfer (0x05)}. */
    @Override
    public String toString() {
        return String.format("%s (0x%02X)", specName, code);
    }
}
