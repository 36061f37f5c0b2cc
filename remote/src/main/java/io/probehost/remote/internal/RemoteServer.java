package io.probehost.remote.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.probehost.api.usb.UsbBus;

/**
 * Listens for clients of the remote protocol and serves each on a thread of its own: the handshake,
 * then its requests on the station's USB buses. Wrong tokens are refused after a delay that grows per
 * source address.
 */
final class RemoteServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RemoteServer.class.getName());
    private static final int HANDSHAKE_TIMEOUT_MILLIS = 10_000;
    private final ServerSocket socket;
    private final String token;
    private final Supplier<List<UsbBus>> buses;
    private final AuthThrottle throttle;
    private final Handshake.Sleeper sleeper;
    private final DeviceClaims claims = new DeviceClaims();
    private final List<Socket> clients = new CopyOnWriteArrayList<>();

    RemoteServer(ServerSocket socket, String token, Supplier<List<UsbBus>> buses,
            AuthThrottle throttle, Handshake.Sleeper sleeper) {
        this.socket = socket;
        this.token = token;
        this.buses = buses;
        this.throttle = throttle;
        this.sleeper = sleeper;
        Thread acceptor = new Thread(this::accept, "probehost-remote-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Listens on {@code bind:port} (port 0: any free one) with the token of {@code state}; with {@code tls},
     * with the station's TLS key too ({@link StationCertificate}).
     */
    static RemoteServer listen(InetAddress bind, int port, Path state, boolean tls, Supplier<List<UsbBus>> buses)
            throws IOException {
        ServerSocket socket = tls ? StationCertificate.station(state).getServerSocketFactory().createServerSocket()
                : new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(bind, port));
        return new RemoteServer(socket, StationToken.loadOrCreate(StationToken.file(state)), buses,
                new AuthThrottle(Duration.ofMillis(250), Duration.ofSeconds(8)), delay -> Thread.sleep(delay.toMillis()));
    }

    int port() {
        return socket.getLocalPort();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread serving = new Thread(() -> serve(client), "probehost-remote-client");
                serving.setDaemon(true);
                serving.start();
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    LOG.log(Level.WARNING, "remote: accept failed", e);
                }
            }
        }
    }

    private void serve(Socket client) {
        clients.add(client);
        String address = client.getInetAddress().getHostAddress();
        String peer = address + ":" + client.getPort();
        try (FrameChannel channel = new FrameChannel(client.getInputStream(), client.getOutputStream(), client, peer)) {
            client.setTcpNoDelay(true);
            client.setSoTimeout(HANDSHAKE_TIMEOUT_MILLIS);
            if (!Handshake.station(channel, token, throttle, address, sleeper)) {
                LOG.warning("remote: wrong token from " + peer + " (" + throttle.failures(address) + " in a row)");
                return;
            }
            client.setSoTimeout(0);
            LOG.info("remote: client " + peer + " authenticated");
            StationSession session = new StationSession(channel, buses, claims);
            session.serve();
            LOG.info("remote: client " + peer + " left after " + session.requests() + " requests");
        } catch (SocketTimeoutException e) {
            LOG.warning("remote: " + peer + " did not finish the handshake in time");
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "remote: client " + peer + " ended", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            clients.remove(client);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
            for (Socket client : clients) {
                client.close();
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "remote: closing", e);
        }
    }
}
