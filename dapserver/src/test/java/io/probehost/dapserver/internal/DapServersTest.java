package io.probehost.dapserver.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.probehost.api.ProbeException;
import io.probehost.command.SingleClientServer;

class DapServersTest {
    private final DapServers servers = new DapServers(null);
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private SingleClientServer start() {
        return servers.start(InetAddress.getLoopbackAddress(), 0, (probe, target) -> {
            throw new DapException("no probe in this test");
        }, "F1", new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    private static byte[] message(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] header = ("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[header.length + body.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(body, 0, all, header.length, body.length);
        return all;
    }

    /** Reads one DAP message's body. */
    private static String receive(InputStream in) throws Exception {
        StringBuilder header = new StringBuilder();
        while (!header.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("connection closed after " + header);
            }
            header.append((char) b);
        }
        int length = Integer.parseInt(header.toString().replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    @Test
    void aClientIsAnsweredAndARequestThatFailsGetsItsMessage() throws Exception {
        SingleClientServer server = start();
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            OutputStream out = client.getOutputStream();
            InputStream in = client.getInputStream();
            out.write(message("{\"seq\":1,\"type\":\"request\",\"command\":\"initialize\",\"arguments\":{\"adapterID\":\"probehost\"}}"));
            String capabilities = receive(in);
            assertTrue(capabilities.contains("\"supportsConfigurationDoneRequest\":true"), capabilities);
            assertTrue(capabilities.contains("\"supportsReadMemoryRequest\":true"), capabilities);
            out.write(message("{\"seq\":2,\"type\":\"request\",\"command\":\"launch\",\"arguments\":{\"program\":\"../examples/blinky.elf\"}}"));
            String refused = receive(in);
            assertTrue(refused.contains("\"success\":false"), refused);
            assertTrue(refused.contains("no probe in this test"), refused);
            out.write(message("{\"seq\":3,\"type\":\"request\",\"command\":\"stackTrace\",\"arguments\":{\"threadId\":1}}"));
            String noProgram = receive(in);
            assertTrue(noProgram.contains("no program is being debugged: launch or attach first"), noProgram);
        } finally {
            servers.stopAll();
        }
    }

    @Test
    void stoppingAServerClosesItsSocketsAndEndsItsThreads() throws Exception {
        SingleClientServer server = start();
        int port = server.port();
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            client.getOutputStream().write(message("{\"seq\":1,\"type\":\"request\",\"command\":\"initialize\",\"arguments\":{}}"));
            receive(client.getInputStream());
            assertEquals(1, servers.registry().list().size());
            assertTrue(servers.registry().stop(port));
            assertEquals(-1, client.getInputStream().read(), "the client's connection is closed");
        }
        assertFalse(server.isRunning());
        assertTrue(servers.registry().list().isEmpty());
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
        for (int i = 0; i < 100 && Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().startsWith("probehost-dap-" + port)); i++) {
            Thread.sleep(50);
        }
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.getName().startsWith("probehost-dap-" + port)));
    }

    @Test
    void aPortInUseByAnotherServerIsRefused() {
        SingleClientServer server = start();
        try {
            ProbeException failure = assertThrows(ProbeException.class, () -> servers.start(
                    InetAddress.getLoopbackAddress(), server.port(), (probe, target) -> null, "F2", System.out));
            assertEquals("a DAP server already listens on port " + server.port() + " (dap:stop " + server.port()
                    + " stops it)", failure.getMessage());
        } finally {
            servers.stopAll();
        }
    }
}
