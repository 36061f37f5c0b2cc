package io.probehost.remote.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Both directions of one connection: sends frames and reads the next, turning an ERROR frame into the
 * exception it names and a frame of an unexpected type into a protocol error. Logs frames at FINEST.
 */
final class FrameChannel implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(FrameChannel.class.getName());
    private final InputStream in;
    private final OutputStream out;
    private final AutoCloseable connection;
    private final String peer;

    FrameChannel(InputStream in, OutputStream out, AutoCloseable connection, String peer) {
        this.in = new BufferedInputStream(in);
        this.out = new BufferedOutputStream(out);
        this.connection = connection;
        this.peer = peer;
    }

    String peer() {
        return peer;
    }

    void send(Frame frame) {
        trace("->", frame);
        try {
            frame.write(out);
        } catch (IOException e) {
            throw new RemoteProtocolException("cannot send to " + peer + ": " + e.getMessage(), e);
        }
    }

    /** The next frame, whatever its type; an {@link java.io.EOFException} when the peer closed cleanly. */
    Frame receiveAny() throws IOException {
        Frame frame = Frame.read(in);
        trace("<-", frame);
        return frame;
    }

    /** The next frame, which must be of {@code expected}; an ERROR frame is thrown as its exception. */
    Frame receive(MessageType expected) {
        Frame frame;
        try {
            frame = receiveAny();
        } catch (IOException e) {
            throw new RemoteProtocolException("connection to " + peer + " lost: " + e.getMessage(), e);
        }
        if (frame.type() == MessageType.ERROR) {
            throw errorOf(frame);
        }
        if (frame.type() != expected) {
            throw new RemoteProtocolException(peer + " sent " + frame.type() + " where " + expected + " was due");
        }
        return frame;
    }

    private RuntimeException errorOf(Frame frame) {
        try {
            var reader = frame.reader();
            ErrorKind kind = ErrorKind.fromCode(reader.readUnsignedByte());
            int nativeCode = reader.readInt();
            return kind.toException(peer, nativeCode, Frame.readText(reader));
        } catch (IOException e) {
            return new RemoteProtocolException(peer + " sent a malformed ERROR frame", e);
        }
    }

    private void trace(String direction, Frame frame) {
        if (LOG.isLoggable(Level.FINEST)) {
            LOG.finest(peer + " " + direction + " " + frame + " " + HexFormat.of().formatHex(frame.payload()));
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "closing " + peer, e);
        }
    }
}
