package io.probehost.driver.stlink.internal;

import java.nio.ByteBuffer;

/** APIV2_ENTER ({@code F2 30 mode 00}): 0xA3 SWD, 0xA4 JTAG (OpenOCD's value), neither with reset. */
record EnterDebugRequest(boolean jtag) implements StlinkCommand<Void> {
    static final int SWD_NO_RESET = 0xA3;
    static final int JTAG_NO_RESET = 0xA4;

    @Override
    public String name() {
        return jtag ? "APIV2_ENTER JTAG" : "APIV2_ENTER SWD";
    }

    @Override
    public void encode(ByteBuffer block) {
        DebugCommand.APIV2_ENTER.put(block);
        block.put((byte) (jtag ? JTAG_NO_RESET : SWD_NO_RESET)).put((byte) 0);
    }

    @Override
    public int replyLength() {
        return 2;
    }

    @Override
    public Void decode(ByteBuffer reply) {
        return null;
    }
}
