package io.probehost.driver.stlink.internal;

import java.nio.ByteBuffer;

/** DFU_EXIT ({@code F3 07}), SWIM_EXIT ({@code F4 01}) or debug EXIT ({@code F2 21}): no reply. */
record LeaveModeRequest(String name, int command, int subcommand) implements StlinkCommand<Void> {
    static final LeaveModeRequest DFU_EXIT = new LeaveModeRequest("DFU_EXIT", 0xF3, 0x07);
    static final LeaveModeRequest SWIM_EXIT = new LeaveModeRequest("SWIM_EXIT", 0xF4, 0x01);
    static final LeaveModeRequest DEBUG_EXIT = new LeaveModeRequest("EXIT", DebugCommand.PREFIX,
            DebugCommand.EXIT.code());

    @Override
    public void encode(ByteBuffer block) {
        block.put((byte) command).put((byte) subcommand);
    }

    @Override
    public int replyLength() {
        return 0;
    }

    @Override
    public Void decode(ByteBuffer reply) {
        return null;
    }
}
