package io.probehost.driver.stlink.internal;

import java.nio.ByteBuffer;

/** GET_VERSION_EX (0xFB): the V3 version bytes, decoded by {@link StlinkVersion#decodeExtended}. */
record GetVersionExRequest() implements StlinkCommand<byte[]> {
    @Override
    public String name() {
        return "GET_VERSION_EX";
    }

    @Override
    public void encode(ByteBuffer block) {
        block.put((byte) 0xFB);
    }

    @Override
    public int replyLength() {
        return 12;
    }

    @Override
    public boolean hasStatus() {
        return false;
    }

    @Override
    public byte[] decode(ByteBuffer reply) {
        byte[] bytes = new byte[12];
        reply.get(bytes);
        return bytes;
    }
}
