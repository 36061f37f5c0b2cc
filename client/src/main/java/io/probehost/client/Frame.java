package io.probehost.client;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * One frame of the station protocol: a type byte, a payload length (four bytes, big-endian) and the
 * payload. Frames are immutable; {@link #payload()} returns a copy.
 */
public final class Frame {
    /** Larger frames are refused: a peer that sends one is not speaking this protocol. */
    public static final int MAX_PAYLOAD = 1 << 20;

    private final FrameType type;
    private final byte[] payload;

    public Frame(FrameType type, byte[] payload) {
        if (payload.length > MAX_PAYLOAD) {
            throw new StationProtocolException("frame of " + payload.length + " bytes; at most " + MAX_PAYLOAD);
        }
        this.type = type;
        this.payload = payload.clone();
    }

    public static Frame of(FrameType type) {
        return new Frame(type, new byte[0]);
    }

    public static Frame text(FrameType type, String text) {
        return new Frame(type, text.getBytes(StandardCharsets.UTF_8));
    }

    public static Frame exit(int status) {
        return new Frame(FrameType.EXIT, ByteBuffer.allocate(4).putInt(status).array());
    }

    public FrameType type() {
        return type;
    }

    public byte[] payload() {
        return payload.clone();
    }

    public String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** The status of an {@link FrameType#EXIT} frame. */
    public int status() {
        if (type != FrameType.EXIT || payload.length != 4) {
            throw new StationProtocolException("not an exit frame: " + type + " of " + payload.length + " bytes");
        }
        return ByteBuffer.wrap(payload).getInt();
    }

    /** Writes the frame and flushes; callers sharing a stream between threads synchronise on it. */
    public void writeTo(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeByte(type.code());
        data.writeInt(payload.length);
        data.write(payload);
        data.flush();
    }

    /** The next frame, or empty when the stream ends between frames; a stream cut inside a frame fails. */
    public static Optional<Frame> readFrom(InputStream in) throws IOException {
        int code = in.read();
        if (code < 0) {
            return Optional.empty();
        }
        DataInputStream data = new DataInputStream(in);
        try {
            FrameType type = FrameType.fromCode(code);
            int length = data.readInt();
            if (length < 0 || length > MAX_PAYLOAD) {
                throw new StationProtocolException("frame length " + length + " out of range 0.." + MAX_PAYLOAD);
            }
            byte[] payload = new byte[length];
            data.readFully(payload);
            return Optional.of(new Frame(type, payload));
        } catch (EOFException e) {
            throw new StationProtocolException("the connection ended inside a frame");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Frame frame && frame.type == type && Arrays.equals(frame.payload, payload);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return type + "[" + payload.length + " bytes]";
    }
}
