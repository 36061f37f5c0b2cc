package io.probehost.driver.stlink.internal;

import java.nio.ByteBuffer;

/** The DEBUG_COMMAND (0xF2) subcommands, with their wire codes. */
enum DebugCommand {
    READMEM_32BIT(0x07),
    WRITEMEM_32BIT(0x08),
    READMEM_8BIT(0x0C),
    WRITEMEM_8BIT(0x0D),
    EXIT(0x21),
    APIV2_ENTER(0x30),
    APIV2_READREG(0x33),
    APIV2_WRITEREG(0x34),
    APIV2_WRITEDEBUGREG(0x35),
    APIV2_READDEBUGREG(0x36),
    APIV2_DRIVE_NRST(0x3C),
    APIV2_GETLASTRWSTATUS2(0x3E),
    SWD_SET_FREQ(0x43),
    JTAG_SET_FREQ(0x44),
    READ_DAP_REG(0x45),
    WRITE_DAP_REG(0x46),
    READMEM_16BIT(0x47),
    WRITEMEM_16BIT(0x48),
    INIT_AP(0x4B),
    CLOSE_AP_DBG(0x4C),
    GET_BOARD_IDENTIFIERS(0x56),
    SET_COM_FREQ(0x61),
    GET_COM_FREQ(0x62),
    SWITCH_STLINK_FREQ(0x63);

    /** Byte 0 of every debug command block. */
    static final int PREFIX = 0xF2;

    private final int code;

    DebugCommand(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }

    static DebugCommand fromCode(int code) {
        for (DebugCommand command : values()) {
            if (command.code == code) {
                return command;
            }
        }
        throw new IllegalArgumentException(String.format("unknown ST-Link debug command 0x%02X", code));
    }

    /** Writes {@code F2 <code>} at the start of a block. */
    void put(ByteBuffer block) {
        block.put((byte) PREFIX).put((byte) code);
    }
}
