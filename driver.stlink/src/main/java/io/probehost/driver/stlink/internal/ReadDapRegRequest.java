package io.probehost.driver.stlink.internal;

import java.nio.ByteBuffer;

/** READ_DAP_REG ({@code F2 45 port16 addr16}): port 0xFFFF is the DP; value at reply byte 4. */
record ReadDapRegRequest(int port, int register) implements StlinkCommand<Integer> {
    static final int DP_PORT = 0xFFFF;

    @Override
    public String name() {
        return port == DP_PORT ? String.format("READ_DAP_REG DP 0x%02X", register)
                : String.format("READ_DAP_REG AP%d 0x%02X", port, register);
    }

    @Override
    public void encode(ByteBuffer block) {
        DebugCommand.READ_DAP_REG.put(block);
        block.putShort((short) port).putShort((short) register);
    }

    @Override
    public int replyLength() {
        return 8;
    }

    @Override
    public Integer decode(ByteBuffer reply) {
        return reply.getInt(4);
    }
}
