package io.probehost.driver.stlink.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;

/**
 * A mock of the probe's bulk endpoints: records every OUT transfer in hex (trailing zero bytes
 * of a command block dropped, for readable goldens) and answers IN transfers from a queue.
 */
final class ScriptedTransport implements StlinkTransport {
    final List<String> written = new ArrayList<>();
    private final Deque<byte[]> replies = new ArrayDeque<>();
    boolean closed;

    /** Queues a reply given as hex ("80 00 ..."), padded with zeros to {@code length}. */
    ScriptedTransport reply(int length, String hex) {
        byte[] bytes = new byte[length];
        byte[] given = bytes(hex);
        System.arraycopy(given, 0, bytes, 0, given.length);
        replies.add(bytes);
        return this;
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    /** A 16-byte block in hex with trailing zeros dropped; data phases in full. */
    static String trimmed(byte[] data) {
        int end = data.length;
        if (data.length == StlinkChannel.BLOCK_BYTES) {
            while (end > 1 && data[end - 1] == 0) {
                end--;
            }
        }
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < end; i++) {
            hex.append(i > 0 ? " " : "").append(String.format("%02x", data[i] & 0xFF));
        }
        return hex.toString();
    }

    @Override
    public void write(byte[] data) {
        written.add(trimmed(data));
    }

    @Override
    public byte[] read(int length) {
        if (replies.isEmpty()) {
            throw new AssertionError("no reply queued for a " + length + "-byte read after " + written);
        }
        byte[] reply = replies.poll();
        if (reply.length != length) {
            throw new AssertionError("a " + length + "-byte read met a " + reply.length + "-byte reply");
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
