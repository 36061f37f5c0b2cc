package io.probehost.driver.stlink.internal;

import java.nio.ByteBuffer;

/** INIT_AP ({@code F2 4B ap 00}, type 0 as pyOCD sends it) or CLOSE_AP_DBG ({@code F2 4C ap}). */
record InitApRequest(boolean close, int ap) implements StlinkCommand<Void> {
    @Override
    public String name() {
        return (close ? "CLOSE_AP_DBG " : "INIT_AP ") + ap;
    }

    @Override
    public void encode(ByteBuffer block) {
        (close ? DebugCommand.CLOSE_AP_DBG : DebugCommand.INIT_AP).put(block);
        block.put((byte) ap);
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
