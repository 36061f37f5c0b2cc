package io.probehost.driver.jlink.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** VERSION (0x01): a u16 length, then the firmware string, NUL padded. */
record VersionRequest() implements JlinkCommand<String> {
    @Override
    public String name() {
        return "VERSION";
    }

    @Override
    public byte[] request() {
        return new byte[] {0x01};
    }

    @Override
    public String readReply(Reply reply) {
        int length = reply.read(2).getShort() & 0xFFFF;
        ByteBuffer text = reply.read(length);
        int end = 0;
        while (end < length && text.get(end) != 0) {
            end++;
        }
        return new String(text.array(), 0, end, StandardCharsets.US_ASCII).trim();
    }
}
