package io.probehost.driver.stlink.internal;

import java.nio.ByteBuffer;

/** SWD_SET_FREQ ({@code F2 43}) or JTAG_SET_FREQ ({@code F2 44}) with a V2 clock divisor (u16). */
record SetDivisorRequest(boolean jtag, int divisor) implements StlinkCommand<Void> {
    @Override
    public String name() {
        return jtag ? "JTAG_SET_FREQ" : "SWD_SET_FREQ";
    }

    @Override
    public void encode(ByteBuffer block) {
        (jtag ? DebugCommand.JTAG_SET_FREQ : DebugCommand.SWD_SET_FREQ).put(block);
        block.putShort((short) divisor);
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
