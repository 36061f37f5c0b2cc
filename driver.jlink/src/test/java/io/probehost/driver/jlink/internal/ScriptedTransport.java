package io.probehost.driver.jlink.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;

/** A mock of the J-Link's bulk endpoints: records every request in hex and answers reads from a queue. */
final class ScriptedTransport implements JlinkTransport {
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");
    final List<String> written = new ArrayList<>();
    private final Deque<byte[]> replies = new ArrayDeque<>();
    boolean closed;

    /** Queues the answer to one read, in hex ("03 00 00 00"). */
    ScriptedTransport reply(String hex) {
        replies.add(bytes(hex));
        return this;
    }

    ScriptedTransport reply(byte[] bytes) {
        replies.add(bytes.clone());
        return this;
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    @Override
    public void write(byte[] data) {
        written.add(HEX.formatHex(data));
    }

    @Override
    public byte[] read(int length) {
        if (replies.isEmpty()) {
            throw new AssertionError("no reply queued for a " + length + "-byte read after " + written);
        }
        byte[] reply = replies.poll();
        if (reply.length != length) {
            throw new AssertionError("a " + length + "-byte read met a " + reply.length + "-byte reply after " + written);
        }
        return reply;
    }

    int unusedReplies() {
        return replies.size();
    }

    @Override
    public void close() {
        closed = true;
    }
}
