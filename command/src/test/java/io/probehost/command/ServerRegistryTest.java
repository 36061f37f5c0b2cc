package io.probehost.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;

import org.junit.jupiter.api.Test;

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
}
