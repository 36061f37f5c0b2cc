package io.probehost.driver.cmsisdap.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

import io.probehost.api.TransferTimeoutException;

/** A transport that records requests and answers canned replies in order. */
final class CannedTransport implements DapTransport {
    final List<String> written = new ArrayList<>();
    private final Deque<byte[]> replies = new ArrayDeque<>();
    private int packetSize;

    CannedTransport(int packetSize) {
        this.packetSize = packetSize;
    }

    CannedTransport reply(String hex) {
        replies.add(Bytes.hex(hex));
        return this;
    }

    @Override
    public String kind() {
        return "canned";
    }

    @Override
    public boolean isBulk() {
        return true;
    }

    @Override
    public void write(byte[] packet, int length) {
        written.add(Bytes.hex(Arrays.copyOf(packet, length)));
    }

    @Override
    public int read(byte[] buffer) {
        if (replies.isEmpty()) {
            throw new TransferTimeoutException("no canned reply left");
        }
        byte[] reply = replies.poll();
        System.arraycopy(reply, 0, buffer, 0, reply.length);
        return reply.length;
    }

    @Override
    public int readBufferSize() {
        return packetSize;
    }

    @Override
    public int packetSize() {
        return packetSize;
    }

    @Override
    public void setPacketSize(int packetSize) {
        this.packetSize = packetSize;
    }

    @Override
    public void discardStale() {
    }

    @Override
    public void close() {
    }
}
