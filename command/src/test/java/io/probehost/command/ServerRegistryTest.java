package io.probehost.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.probehost.api.ProbeException;

class ServerRegistryTest {
    private static final String STOP = "x:stop [PORT]";
    private final ServerRegistry registry = new ServerRegistry("X", "x");

    /** An echo server: serves one client at a time; a second one is told "busy". */
    private SingleClientServer start(Duration handover) {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        return registry.start(loopback, 0, () -> new SingleClientServer("x", loopback, 0, "P1",
                new PrintStream(OutputStream.nullOutputStream()), (socket, peer) -> socket.getInputStream()
                        .transferTo(socket.getOutputStream()),
                (socket, attached) -> socket.getOutputStream().write("busy".getBytes()), handover));
    }

    @Test
    void stopWithoutAPortStopsTheOnlyServerAndSaysWhenThereIsNoneOrSeveral() {
        assertEquals("Error: no X server runs; usage: x:stop [PORT]",
                assertThrows(CommandFailure.class, () -> registry.stop(CommandSyntax.of(STOP).parse())).toString());
        SingleClientServer first = start(Duration.ZERO);
        SingleClientServer second = start(Duration.ZERO);
        try {
            assertEquals("Error: name the PORT (x:list); usage: x:stop [PORT]",
                    assertThrows(CommandFailure.class, () -> registry.stop(CommandSyntax.of(STOP).parse())).toString());
            assertEquals("Stopped the X server on port " + second.port(),
                    registry.stop(CommandSyntax.of(STOP).parse(Integer.toString(second.port()))));
            assertEquals("Stopped the X server on port " + first.port(), registry.stop(CommandSyntax.of(STOP).parse()));
            assertEquals("No X server runs", registry.table("Client"));
        } finally {
            registry.stopAll();
        }
    }

    @Test
    void aSecondClientIsRefusedWhileTheFirstIsServedAndTheTableNamesTheFirst() throws Exception {
        SingleClientServer server = start(Duration.ZERO);
        try (Socket first = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            OutputStream out = first.getOutputStream();
            InputStream in = first.getInputStream();
            out.write('a');
            assertEquals('a', in.read());
            String table = registry.table("Client");
            assertTrue(table.contains("P1") && table.contains("127.0.0.1:" + first.getLocalPort()), table);
            try (Socket second = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                assertEquals("busy", new String(second.getInputStream().readAllBytes()));
            }
            registry.stopAll();
            assertEquals(-1, in.read(), "stopping ends the served client's connection");
        }
    }

    @Test
    void aClientThatComesWhileTheServedOneIsBusyWaitsForItToGo() throws Exception {
        AtomicBoolean busy = new AtomicBoolean();
        SingleClientServer.Connection echo = new SingleClientServer.Connection() {
            @Override
            public void serve(Socket socket, String peer) throws IOException {
                socket.getInputStream().transferTo(socket.getOutputStream());
            }

            @Override
            public boolean isBusy() {
                return busy.get();
            }
        };
        InetAddress loopback = InetAddress.getLoopbackAddress();
        SingleClientServer server = registry.start(loopback, 0, () -> new SingleClientServer("x", loopback, 0, "P1",
                new PrintStream(OutputStream.nullOutputStream()), echo,
                (socket, attached) -> socket.getOutputStream().write("busy".getBytes()), Duration.ZERO,
                Duration.ofMinutes(1)));
        try (Socket second = new Socket()) {
            try (Socket first = new Socket(loopback, server.port())) {
                first.getOutputStream().write('a');
                assertEquals('a', first.getInputStream().read());
                busy.set(true);
                second.connect(first.getRemoteSocketAddress());
                second.getOutputStream().write('b');
            }
            assertEquals('b', second.getInputStream().read(), "served once the busy one has gone");
        } finally {
            registry.stopAll();
        }
    }

    @Test
    void aPortAnotherProgramHoldsIsRefusedWithTheWayOut() throws Exception {
        try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ProbeException failure = assertThrows(ProbeException.class, () -> registry.start(
                    InetAddress.getLoopbackAddress(), other.getLocalPort(), () -> new SingleClientServer("x",
                            InetAddress.getLoopbackAddress(), other.getLocalPort(), "P1", System.out,
                            (socket, peer) -> { }, (socket, attached) -> { }, Duration.ZERO)));
            assertTrue(failure.getMessage().startsWith("cannot listen on 127.0.0.1:" + other.getLocalPort() + ": "),
                    failure.getMessage());
            assertTrue(failure.getMessage().endsWith("(another program listens there; -p PORT picks another port)"),
                    failure.getMessage());
        }
    }
}
