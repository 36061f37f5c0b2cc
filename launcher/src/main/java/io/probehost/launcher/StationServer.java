package io.probehost.launcher;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.probehost.client.StationEndpoint;

/**
 * The station's endpoint: a UNIX domain socket in the state folder, owner-only, and a fresh token
 * that clients must present. Each client gets its own connection thread, so a long command does not
 * hold up the next. The caller holds the {@link StationLock}, so a socket file found at start is one
 * a killed station left behind, and is replaced.
 */
final class StationServer implements AutoCloseable {
    private static final int TOKEN_BYTES = 32;

    private final StationEndpoint endpoint;
    private final ServerSocketChannel server;
    private final byte[] token;
    private final StationCommands commands;
    private final Logger log;
    private final Set<StationConnection> connections = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    private StationServer(StationEndpoint endpoint, ServerSocketChannel server, byte[] token, StationCommands commands,
            Logger log) {
        this.endpoint = endpoint;
        this.server = server;
        this.token = token;
        this.commands = commands;
        this.log = log;
        this.acceptor = new Thread(this::acceptClients, "probehost-station-accept");
    }

    /** Writes a new token, binds the socket (0600) and starts accepting clients. */
    static StationServer open(StationEndpoint endpoint, StationCommands commands, Logger log) throws IOException {
        String token = newToken();
        writeOwnerOnly(endpoint.token(), token);
        if (Files.deleteIfExists(endpoint.socket())) {
            log.info("replaced the socket a stopped station left behind");
        }
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(endpoint.socket()));
            Files.setPosixFilePermissions(endpoint.socket(), PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        StationServer station = new StationServer(endpoint, server, token.getBytes(StandardCharsets.US_ASCII),
                commands, log);
        station.acceptor.setDaemon(true);
        station.acceptor.start();
        return station;
    }

    private static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Creates the file with owner-only permissions before anything is written into it. */
    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, text + "\n", StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private void acceptClients() {
        while (!closed) {
            try {
                SocketChannel client = server.accept();
                StationConnection connection = new StationConnection(client, token, commands, log, connections::remove);
                connections.add(connection);
                connection.start();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (!closed) {
                    log.log(Level.WARNING, "cannot accept a client", e);
                }
            }
        }
    }

    /** How many clients are connected now. */
    int clients() {
        return connections.size();
    }

    /** Stops accepting, cancels the commands still running, and removes the socket and the token. */
    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            log.log(Level.WARNING, "cannot close the socket", e);
        }
        for (StationConnection connection : connections) {
            connection.cancelAndClose();
        }
        try {
            Files.deleteIfExists(endpoint.socket());
            Files.deleteIfExists(endpoint.token());
        } catch (IOException e) {
            log.log(Level.WARNING, "cannot remove the endpoint files", e);
        }
    }
}
