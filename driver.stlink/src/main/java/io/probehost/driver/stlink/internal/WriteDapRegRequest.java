package io.probehost.driver.stlink.internal;

import java.nio.ByteBuffer;

/** WRITE_DAP_REG ({@code F2 46 port16 addr16 value32}): port 0xFFFF is the DP. */
record WriteDapRegRequest(int port, int register, int value) implements StlinkCommand<Void> {
    /** ABORT with STKCMPCLR, STKERRCLR, WDERRCLR and ORUNERRCLR, as the note clears sticky errors. */
    static final WriteDapRegRequest CLEAR_STICKY_ERRORS = new WriteDapRegRequest(ReadDapRegRequest.DP_PORT, 0, 0x1E);

    @Override
    public String name() {
        return port == ReadDapRegRequest.DP_PORT ? String.format("WRITE_DAP_REG DP 0x%02X", register)
                : String.format("WRITE_DAP_REG AP%d 0x%02X", port, register);
    }

    @Override
    public void encode(ByteBuffer block) {
        DebugCommand.WRITE_DAP_REG.put(block);
        block.putShort((short) port).putShort((short) register).putInt(value);
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
