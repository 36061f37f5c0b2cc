package io.probehost.remote.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One frame of the remote protocol: a 4-byte big-endian payload length, a type byte, the payload.
 * Immutable; payloads are read and written field by field with {@link #reader()} and {@link #writer}.
 */
record Frame(MessageType type, byte[] payload) {
    /** The largest payload either side accepts: a transfer of 1 MiB and its header. */
    static final int MAX_PAYLOAD = (1 << 20) + 64;

    Frame {
        payload = payload.clone();
        if (payload.length > MAX_PAYLOAD) {
            throw new RemoteProtocolException("frame payload of " + payload.length + " bytes exceeds " + MAX_PAYLOAD);
        }
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    void write(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(payload.length);
        data.writeByte(type.code());
        data.write(payload);
        data.flush();
    }

    /** Reads one frame; a clean end of stream before its first byte is an {@link EOFException}. */
    static Frame read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int length = data.readInt();
        if (isTlsRecord(length)) {
            throw new RemoteProtocolException("the other side speaks TLS: a station served with --tls needs its "
                    + "certificate beside the token on the client (HOST_PORT.crt)");
        }
        if (length < 0 || length > MAX_PAYLOAD) {
            throw new RemoteProtocolException("frame announces " + Integer.toUnsignedString(length)
                    + " payload bytes; at most " + MAX_PAYLOAD + " are allowed");
        }
        MessageType type = MessageType.fromCode(data.readUnsignedByte());
        byte[] payload = new byte[length];
        try {
            data.readFully(payload);
        } catch (EOFException e) {
            throw new RemoteProtocolException("connection closed inside a " + type + " frame", e);
        }
        return new Frame(type, payload);
    }

    /** A TLS record (alert 0x15 or handshake 0x16, version 3.x) where a frame length was due. */
    private static boolean isTlsRecord(int firstFourBytes) {
        int contentType = firstFourBytes >>> 24;
        return (contentType == 0x15 || contentType == 0x16) && ((firstFourBytes >>> 16) & 0xFF) == 0x03;
    }

    /** Reads the payload's fields in order; running past its end is a protocol error. */
    DataInputStream reader() {
        return new DataInputStream(new ByteArrayInputStream(payload));
    }

    /** A frame of {@code type} whose payload {@code fields} writes. */
    static Frame of(MessageType type, PayloadWriter fields) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            fields.write(new DataOutputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Frame(type, bytes.toByteArray());
    }

    /** An ERROR frame. */
    static Frame error(ErrorKind kind, int nativeCode, String message) {
        return of(MessageType.ERROR, out -> {
            out.writeByte(kind.code());
            out.writeInt(nativeCode);
            writeText(out, message);
        });
    }

    static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeShort(Math.min(bytes.length, 0xFFFF));
        out.write(bytes, 0, Math.min(bytes.length, 0xFFFF));
    }

    static String readText(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readUnsignedShort()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_PAYLOAD) {
            throw new RemoteProtocolException("a field announces " + length + " bytes");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    static void writeBytes(DataOutputStream out, byte[] bytes, int offset, int length) throws IOException {
        out.writeInt(length);
        out.write(bytes, offset, length);
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

    /** Writes payload fields. */
    interface PayloadWriter {
        void write(DataOutputStream out) throws IOException;
    }
}
