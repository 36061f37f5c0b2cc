package io.probehost.driver.jlink.internal;

/**
 * The one-byte commands answered by a u32: GET_HW_VERSION (0xF0) and GET_MAX_MEM_BLOCK (0xD4).
 */
enum U32Request implements JlinkCommand<Integer> {
    GET_HW_VERSION(0xF0),
    GET_MAX_MEM_BLOCK(0xD4);

    private final int code;

    U32Request(int code) {
        this.code = code;
    }

    @Override
    public byte[] request() {
        return new byte[] {(byte) code};
    }

    @Override
    public Integer readReply(Reply reply) {
        return reply.read(4).getInt();
    }
}
