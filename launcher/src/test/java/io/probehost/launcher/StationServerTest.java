package io.probehost.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.probehost.client.AttachRequest;
import io.probehost.client.Frame;
import io.probehost.client.FrameType;
import io.probehost.client.SocketStreams;
import io.probehost.client.StationEndpoint;

/** The station's endpoint and protocol, with stand-in commands in place of Gogo. */
class StationServerTest {
    private static final Logger LOG = Logger.getLogger(StationServerTest.class.getName());

    @TempDir
    Path state;
    private StationEndpoint endpoint;
    private StationLock lock;
    private StationServer server;
    /** Released by a cancel of the "wait" command. */
    private final CountDownLatch cancelled = new CountDownLatch(1);

    @BeforeEach
    void open() throws IOException {
        endpoint = StationEndpoint.in(state);
        lock = StationLock.take(endpoint);
        server = StationServer.open(endpoint, this::standIn, LOG);
    }

    @AfterEach
    void close() {
        server.close();
        lock.close();
    }

    /**
     * "echo WORDS" prints them and exits 0; "cat" copies its input to standard error; "wait" waits for a
     * cancel; anything else the station refuses, as it refuses --sim without a lab.
     */
    private StationCommands.Execution standIn(AttachRequest request, InputStream in, PrintStream out, PrintStream err) {
        List<String> words = request.arguments();
        if (!List.of("echo", "cat", "wait").contains(words.get(0))) {
            throw new IllegalArgumentException("no such stand-in " + words.get(0));
        }
        return new StationCommands.Execution() {
            @Override
            public int run() {
                switch (words.get(0)) {
                    case "echo" -> out.println(String.join(" ", words.subList(1, words.size())) + " in " + request.cwd());
                    case "cat" -> {
                        try {
                            in.transferTo(err);
                        } catch (IOException e) {
                            return 9;
                        }
                    }
                    case "wait" -> {
                        try {
                            return cancelled.await(30, TimeUnit.SECONDS) ? 130 : 0;
                        } catch (InterruptedException e) {
                            return 8;
                        }
                    }
                    default -> throw new AssertionError(words.get(0));
                }
                return 0;
            }

            @Override
            public void cancel() {
                cancelled.countDown();
            }
        };
    }

    @Test
    void commandOutputThenExitStatusComeBack() throws IOException {
        try (Client client = new Client(endpoint.readToken(), "echo", "hello")) {
            Reply reply = client.reply();
            assertEquals("hello in /work\n", reply.out());
            assertEquals(0, reply.status());
        }
    }

    @Test
    void clientInputReachesTheCommandUntilItEnds() throws IOException {
        try (Client client = new Client(endpoint.readToken(), "cat")) {
            client.send(Frame.text(FrameType.INPUT, "line one\n"));
            client.send(Frame.text(FrameType.INPUT, "line two\n"));
            client.send(Frame.of(FrameType.INPUT_END));
            Reply reply = client.reply();
            assertEquals("line one\nline two\n", reply.err());
            assertEquals(0, reply.status());
        }
    }

    @Test
    void wrongTokenIsRefusedAndNothingRuns() throws IOException {
        try (Client client = new Client("not-the-token", "wait")) {
            Reply reply = client.reply();
            assertEquals(Optional.of("wrong token"), reply.refused());
        }
        assertEquals(1, cancelled.getCount(), "the command never ran");
    }

    @Test
    void requestTheStationCannotServeIsRefusedWithTheReason() throws IOException {
        try (Client client = new Client(endpoint.readToken(), "fly")) {
            assertEquals(Optional.of("no such stand-in fly"), client.reply().refused());
        }
    }

    @Test
    void cancelFrameInterruptsTheRunningCommand() throws IOException {
        try (Client client = new Client(endpoint.readToken(), "wait")) {
            client.send(Frame.of(FrameType.CANCEL));
            assertEquals(130, client.reply().status());
        }
    }

    @Test
    void aClientGoingAwayCancelsItsCommand() throws Exception {
        new Client(endpoint.readToken(), "wait").close();
        assertTrue(cancelled.await(10, TimeUnit.SECONDS), "the abandoned command was cancelled");
    }

    @Test
    void aLongCommandDoesNotHoldUpTheNext() throws IOException {
        try (Client waiting = new Client(endpoint.readToken(), "wait");
                Client quick = new Client(endpoint.readToken(), "echo", "meanwhile")) {
            assertEquals("meanwhile in /work\n", quick.reply().out());
            waiting.send(Frame.of(FrameType.CANCEL));
            assertEquals(130, waiting.reply().status());
        }
    }

    @Test
    void endpointIsOwnerOnly() throws IOException {
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(endpoint.folder())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(endpoint.socket())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(endpoint.token())));
        assertEquals(64, endpoint.readToken().length());
    }

    @Test
    void closingRemovesTheSocketAndTheToken() {
        server.close();
        assertFalse(Files.exists(endpoint.socket()));
        assertFalse(Files.exists(endpoint.token()));
    }

    @Test
    void secondStationOnTheStateFolderIsRefused() {
        var error = assertThrows(StationLock.StationBusyException.class, () -> StationLock.take(endpoint));
        assertEquals("a station already serves " + state.toAbsolutePath().normalize() + " (pid "
                + ProcessHandle.current().pid() + "); stop it first", error.getMessage());
    }

    @Test
    void socketLeftByAKilledStationIsReplaced() throws IOException {
        server.close();
        // What kill -9 leaves: a socket file nobody listens on.
        ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        dead.bind(UnixDomainSocketAddress.of(endpoint.socket()));
        dead.close();
        assertTrue(Files.exists(endpoint.socket()));
        server = StationServer.open(endpoint, this::standIn, LOG);
        try (Client client = new Client(endpoint.readToken(), "echo", "again")) {
            assertEquals(0, client.reply().status());
        }
    }

    record Reply(String out, String err, int status, Optional<String> refused) {
    }

    /** A client speaking the protocol frame by frame. */
    private final class Client implements AutoCloseable {
        private final SocketChannel channel;
        private final OutputStream out;

        Client(String token, String... command) throws IOException {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(endpoint.socket()));
            out = SocketStreams.output(channel);
            send(new AttachRequest(token, List.of(command), "/work", false, 0, false, false, 1).toFrame());
        }

        void send(Frame frame) throws IOException {
            frame.writeTo(out);
        }

        Reply reply() throws IOException {
            InputStream in = SocketStreams.input(channel);
            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            Optional<Frame> next;
            while ((next = Frame.readFrom(in)).isPresent()) {
                Frame frame = next.get();
                switch (frame.type()) {
                    case OUTPUT -> stdout.write(frame.payload());
                    case ERROR_OUTPUT -> stderr.write(frame.payload());
                    case EXIT -> {
                        return new Reply(stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8),
                                frame.status(), Optional.empty());
                    }
                    case REFUSED -> {
                        return new Reply("", "", -1, Optional.of(frame.text()));
                    }
                    default -> throw new AssertionError("unexpected " + frame);
                }
            }
            throw new AssertionError("the station closed the connection without an exit frame");
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
