package io.probehost.remote.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A client's authenticated connection to a station: one request at a time, each answered before the
 * next is sent (USB transfers are synchronous in the drivers, so nothing is lost by not pipelining).
 */
final class RemoteConnection implements AutoCloseable {
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private final FrameChannel channel;

    RemoteConnection(FrameChannel channel, String token) {
        this.channel = channel;
        try {
            Handshake.client(channel, token);
        } catch (RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Connects to {@code station}, over TLS with {@code tls} (which trusts the station's pinned certificate). */
    static RemoteConnection open(StationAddress station, String token, Optional<SSLContext> tls) {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(station.host(), station.port()), CONNECT_TIMEOUT_MILLIS);
            if (tls.isPresent()) {
                SSLSocket secured = (SSLSocket) tls.get().getSocketFactory().createSocket(socket, station.host(),
                        station.port(), true);
                secured.startHandshake();
                socket = secured;
            }
            return new RemoteConnection(new FrameChannel(socket.getInputStream(), socket.getOutputStream(), socket,
                    station.toString()), token);
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing was opened
            }
            throw new io.probehost.api.ProbeDisconnectedException("cannot reach station " + station + ": "
                    + e.getMessage(), e);
        }
    }

    String station() {
        return channel.peer();
    }

    /** Sends one request and returns its reply's fields. */
    synchronized DataInputStream call(Operation operation, Frame.PayloadWriter arguments) {
        channel.send(Frame.of(MessageType.REQUEST, out -> {
            out.writeByte(operation.code());
            arguments.write(out);
        }));
        return channel.receive(MessageType.REPLY).reader();
    }

    @Override
    public void close() {
        channel.close();
    }
}
