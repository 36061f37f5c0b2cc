package io.probehost.driver.stlink.internal;

import java.nio.ByteBuffer;

/** GET_VERSION (0xF1): the version u16 is big-endian, unlike everything else. */
record GetVersionRequest() implements StlinkCommand<Integer> {
    @Override
    public String name() {
        return "GET_VERSION";
    }

    @Override
    public void encode(ByteBuffer block) {
        block.put((byte) 0xF1);
    }

    @Override
    public int replyLength() {
        return 6;
    }

    @Override
    public boolean hasStatus() {
        return false;
    }

    @Override
    public Integer decode(ByteBuffer reply) {
        return ((reply.get(0) & 0xFF) << 8) | (reply.get(1) & 0xFF);
    }
}
