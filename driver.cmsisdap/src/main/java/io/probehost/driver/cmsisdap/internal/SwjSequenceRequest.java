package io.probehost.driver.cmsisdap.internal;

import java.nio.ByteBuffer;

/** DAP_SWJ_Sequence: 1..256 bits on SWDIO/TMS, LSB of the first byte first; a count of 256 goes as 0. */
record SwjSequenceRequest(int bitCount, byte[] bits) implements DapCommand<Void> {

    static final int MAX_BITS = 256;

    SwjSequenceRequest {
        if (bitCount < 1 || bitCount > MAX_BITS) {
            throw new IllegalArgumentException("DAP_SWJ_Sequence takes 1 to 256 bits, not " + bitCount);
        }
        if (bits.length < byteCount(bitCount)) {
            throw new IllegalArgumentException(bitCount + " bits need " + byteCount(bitCount) + " bytes, not "
                    + bits.length);
        }
    }

    static int byteCount(int bitCount) {
        return (bitCount + 7) / 8;
    }

    @Override
    public CommandId id() {
        return CommandId.SWJ_SEQUENCE;
    }

    @Override
    public void writeArguments(ByteBuffer out) {
        out.put((byte) (bitCount == MAX_BITS ? 0 : bitCount)).put(bits, 0, byteCount(bitCount));
    }

    @Override
    public Void readReply(ByteBuffer in) {
        DapStatus.check(in.get(), id());
        return null;
    }
}
