package io.probehost.driver.cmsisdap.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** DAP_Info: one item of probe information; the reply is {@code Len} bytes of data. */
record InfoRequest(InfoId item) implements DapCommand<InfoRequest.Reply> {

    /** The raw item; {@code Len = 0} means the probe has no such information. */
    record Reply(byte[] data) {

        boolean isEmpty() {
            return data.length == 0;
        }

        /** The string without its terminating NUL; empty when absent or empty. */
        Optional<String> asString() {
            int length = 0;
            while (length < data.length && data[length] != 0) {
                length++;
            }
            return length == 0 ? Optional.empty() : Optional.of(new String(data, 0, length, StandardCharsets.UTF_8));
        }

        /** A BYTE, SHORT or WORD item, little-endian; {@code fallback} when absent. */
        long asNumber(long fallback) {
            if (data.length == 0) {
                return fallback;
            }
            long value = 0;
            for (int i = Math.min(data.length, 4) - 1; i >= 0; i--) {
                value = (value << 8) | (data[i] & 0xFF);
            }
            return value;
        }
    }

    @Override
    public CommandId id() {
        return CommandId.INFO;
    }

    @Override
    public void writeArguments(ByteBuffer out) {
        out.put((byte) item.code());
    }

    @Override
    public Reply readReply(ByteBuffer in) {
        int length = in.get() & 0xFF;
        byte[] data = new byte[length];
        in.get(data);
        return new Reply(data);
    }
}
