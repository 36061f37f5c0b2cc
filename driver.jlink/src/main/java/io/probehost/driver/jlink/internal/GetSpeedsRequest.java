package io.probehost.driver.jlink.internal;

import java.nio.ByteBuffer;

/** GET_SPEEDS (0xC0): u32 base frequency in Hz, u16 minimum divider. */
record GetSpeedsRequest() implements JlinkCommand<GetSpeedsRequest.Speeds> {

    /** What GET_SPEEDS tells: the fastest clock is {@code baseHz / minDivider}. */
    record Speeds(long baseHz, int minDivider) {
        long maxHz() {
            return minDivider == 0 ? baseHz : baseHz / minDivider;
        }
    }

    @Override
    public String name() {
        return "GET_SPEEDS";
    }

    @Override
    public byte[] request() {
        return new byte[] {(byte) 0xC0};
    }

    @Override
    public Speeds readReply(Reply reply) {
        ByteBuffer answer = reply.read(6);
        return new Speeds(answer.getInt() & 0xFFFF_FFFFL, answer.getShort() & 0xFFFF);
    }
}
