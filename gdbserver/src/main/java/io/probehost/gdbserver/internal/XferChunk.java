package io.probehost.gdbserver.internal;

import java.nio.charset.StandardCharsets;

/** A {@code qXfer} read: the part {@code offset,length} of a document, {@code m} when more follows, {@code l} at its end. */
final class XferChunk {
    private XferChunk() {
    }

    /** The reply to {@code offset,length} (hex) of {@code document}. */
    static String of(String document, String offsetAndLength) {
        String[] fields = offsetAndLength.split(",");
        byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
        int offset = (int) Math.min(Rsp.number(fields[0]), bytes.length);
        int length = (int) Math.min(Rsp.number(fields[1]), bytes.length - offset);
        boolean last = offset + length >= bytes.length;
        byte[] escaped = Rsp.escape(bytes, offset, length);
        return (last ? "l" : "m") + new String(escaped, StandardCharsets.ISO_8859_1);
    }
}
