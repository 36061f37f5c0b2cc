package io.probehost.driver.jlink.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * HW_JTAG3 (0xCF): {@code CF 00 n_lo n_hi}, then two vectors of {@code ceil(n/8)} bytes (TMS and TDI in
 * JTAG, direction and SWDIO-out in SWD); the answer is the captured vector and a status byte.
 */
record HwJtag3Request(int bitCount, byte[] first, byte[] second) implements JlinkCommand<byte[]> {
    static final int MAX_BITS = 0xFFFF;

    HwJtag3Request {
        if (bitCount < 1 || bitCount > MAX_BITS) {
            throw new IllegalArgumentException("HW_JTAG3 clocks 1 to 65535 bits, not " + bitCount);
        }
        int bytes = vectorBytes(bitCount);
        first = Arrays.copyOf(first, bytes);
        second = Arrays.copyOf(second, bytes);
    }

    static int vectorBytes(int bits) {
        return (bits + 7) / 8;
    }

    /** The request's size for {@code bits}: what must fit in the probe's buffer. */
    static int requestBytes(int bits) {
        return 4 + 2 * vectorBytes(bits);
    }

    @Override
    public String name() {
        return "HW_JTAG3";
    }

    @Override
    public byte[] request() {
        return ByteBuffer.allocate(requestBytes(bitCount)).order(ByteOrder.LITTLE_ENDIAN).put((byte) 0xCF)
                .put((byte) 0).putShort((short) bitCount).put(first).put(second).array();
    }

    @Override
    public byte[] readReply(Reply reply) {
        int bytes = vectorBytes(bitCount);
        ByteBuffer answer = reply.read(bytes + 1);
        JlinkStatus.check(answer.get(bytes) & 0xFF, name(), bitCount);
        return Arrays.copyOf(answer.array(), bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HwJtag3Request r && r.bitCount == bitCount && Arrays.equals(r.first, first)
                && Arrays.equals(r.second, second);
    }

    @Override
    public int hashCode() {
        return bitCount * 31 + Arrays.hashCode(first) * 17 + Arrays.hashCode(second);
    }

    @Override
    public String toString() {
        return "HW_JTAG3 of " + bitCount + " bits";
    }
}
