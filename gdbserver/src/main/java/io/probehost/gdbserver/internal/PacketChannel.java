package io.probehost.gdbserver.internal;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.function.IntConsumer;

/**
 * One GDB connection's byte stream as packets: acknowledges each packet ({@code +}, or {@code -}
 * for a bad checksum) until no-ack mode, resends the last packet on {@code -}, and reports the
 * Ctrl-C byte gdb sends outside packets. Not thread-safe: the connection's thread owns it.
 */
final class PacketChannel {
    private final InputStream in;
    private final OutputStream out;
    private final IntConsumer readTimeoutMillis;
    private boolean acknowledging = true;
    private byte[] lastSent = new byte[0];
    private boolean interruptPending;

    /**
     * @param readTimeoutMillis sets how long a read may block (0: forever), such as
     *                          {@code Socket::setSoTimeout}; reads that time out throw
     *                          {@link SocketTimeoutException}
     */
    PacketChannel(InputStream in, OutputStream out, IntConsumer readTimeoutMillis) {
        this.in = in;
        this.out = out;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    /**
     * The next packet's payload, waiting for it; a Ctrl-C that arrives meanwhile is remembered for
     * {@link #takeInterrupt()} and reading goes on.
     *
     * @throws EOFException when gdb closed the connection
     */
    byte[] receive() throws IOException {
        readTimeoutMillis.accept(0);
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("gdb closed the connection");
            }
            byte[] packet = accept(c);
            if (packet != null) {
                return packet;
            }
        }
    }

    /**
     * Waits up to {@code millis} for gdb to send something while the target runs; true when it
     * sent Ctrl-C (now or earlier).
     *
     * @throws EOFException when gdb closed the connection
     */
    boolean awaitInterrupt(int millis) throws IOException {
        if (takeInterrupt()) {
            return true;
        }
        readTimeoutMillis.accept(Math.max(1, millis));
        try {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("gdb closed the connection");
            }
            accept(c);
        } catch (SocketTimeoutException e) {
            return false;
        }
        return takeInterrupt();
    }

    /** Whether a Ctrl-C arrived since the last call; clears it. */
    boolean takeInterrupt() {
        boolean pending = interruptPending;
        interruptPending = false;
        return pending;
    }

    /** Handles one byte outside a packet; returns a packet's payload when {@code c} started one. */
    private byte[] accept(int c) throws IOException {
        switch (c) {
            case Rsp.INTERRUPT:
                interruptPending = true;
                return null;
            case Rsp.NACK:
                if (acknowledging) {
                    write(lastSent);
                }
                return null;
            case Rsp.START:
                return readPacket();
            default:
                return null; // '+' and stray bytes
        }
    }

    private byte[] readPacket() throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != Rsp.END) {
            if (c < 0) {
                throw new EOFException("gdb closed the connection inside a packet");
            }
            payload.write(c);
        }
        int high = in.read();
        int low = in.read();
        if (low < 0) {
            throw new EOFException("gdb closed the connection inside a packet");
        }
        byte[] bytes = payload.toByteArray();
        if (acknowledging) {
            boolean valid = checksumMatches(bytes, high, low);
            out.write(valid ? Rsp.ACK : Rsp.NACK);
            out.flush();
            if (!valid) {
                return null;
            }
        }
        return bytes;
    }

    private static boolean checksumMatches(byte[] payload, int high, int low) {
        int expected = Character.digit(high, 16) << 4 | Character.digit(low, 16);
        return Character.digit(high, 16) >= 0 && Character.digit(low, 16) >= 0
                && expected == Rsp.checksum(payload, 0, payload.length);
    }

    void send(String payload) throws IOException {
        send(payload.getBytes(StandardCharsets.ISO_8859_1));
    }

    void send(byte[] payload) throws IOException {
        lastSent = Rsp.frame(payload);
        write(lastSent);
    }

    private void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** After {@code QStartNoAckMode} was answered: no more {@code +}/{@code -}. */
    void stopAcknowledging() {
        acknowledging = false;
    }
}
