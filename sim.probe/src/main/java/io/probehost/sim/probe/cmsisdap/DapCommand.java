package io.probehost.sim.probe.cmsisdap;

/** CMSIS-DAP command IDs (first byte of a request). */
public enum DapCommand {
    INFO(0x00), HOST_STATUS(0x01), CONNECT(0x02), DISCONNECT(0x03), TRANSFER_CONFIGURE(0x04), TRANSFER(0x05),
    TRANSFER_BLOCK(0x06), TRANSFER_ABORT(0x07), WRITE_ABORT(0x08), DELAY(0x09), RESET_TARGET(0x0A),
    SWJ_PINS(0x10), SWJ_CLOCK(0x11), SWJ_SEQUENCE(0x12), SWD_CONFIGURE(0x13), JTAG_SEQUENCE(0x14),
    JTAG_CONFIGURE(0x15), JTAG_IDCODE(0x16), SWD_SEQUENCE(0x1D), QUEUE_COMMANDS(0x7E), EXECUTE_COMMANDS(0x7F);

    /** Response ID of an unknown or unimplemented command. */
    public static final int INVALID = 0xFF;

    private static final DapCommand[] BY_CODE = new DapCommand[256];

    static {
        for (DapCommand c : values()) {
            BY_CODE[c.code] = c;
        }
    }

    private final int code;

    DapCommand(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The command with this ID, or null when the emulator does not implement it. */
    public static DapCommand of(int code) {
        return BY_CODE[code & 0xFF];
    }
}
