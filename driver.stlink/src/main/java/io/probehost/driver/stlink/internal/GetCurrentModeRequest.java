package io.probehost.driver.stlink.internal;

import java.nio.ByteBuffer;

/** GET_CURRENT_MODE (0xF5): 0 DFU, 1 mass storage, 2 debug, 3 SWIM, 4 bootloader. */
record GetCurrentModeRequest() implements StlinkCommand<Integer> {
    static final int DFU = 0;
    static final int DEBUG = 2;
    static final int SWIM = 3;

    @Override
    public String name() {
        return "GET_CURRENT_MODE";
    }

    @Override
    public void encode(ByteBuffer block) {
        block.put((byte) 0xF5);
    }

    @Override
    public int replyLength() {
        return 2;
    }

    @Override
    public boolean hasStatus() {
        return false;
    }

    @Override
    public Integer decode(ByteBuffer reply) {
        return reply.get(0) & 0xFF;
    }
}
