package io.probehost.gdbserver.internal;

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

class GdbServersTest {
    private final GdbServers servers = new GdbServers(null);
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private SingleClientServer start() {
        return servers.start(InetAddress.getLoopbackAddress(), 0, () -> GdbClientTest.session(new FakeTarget()),
                "F1", new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @Test
    void stoppingAServerClosesItsSocketsAndEndsItsThreads() throws Exception {
        SingleClientServer server = start();
        int port = server.port();
        try (Socket gdb = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = gdb.getOutputStream();
            out.write(Rsp.frame("qAttached"));
            InputStream in = gdb.getInputStream();
            assertEquals("+$1#31", new String(in.readNBytes(6), StandardCharsets.ISO_8859_1));
            assertEquals(1, servers.registry().list().size());
            assertTrue(servers.registry().stop(port));
            assertEquals(-1, in.read(), "the attached GDB's connection is closed");
        }
        assertFalse(server.isRunning());
        assertTrue(servers.registry().list().isEmpty());
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.getName().startsWith("probehost-gdb-" + port)));
    }

    @Test
    void aSecondGdbIsToldWhoIsAttached() throws Exception {
        SingleClientServer server = start();
        try (Socket first = new Socket(InetAddress.getLoopbackAddress(), server.port());
                Socket second = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            first.getOutputStream().write(Rsp.frame("qC"));
            first.getInputStream().readNBytes(7);
            second.getOutputStream().write(Rsp.frame("qSupported"));
            String reply = new String(second.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(reply.startsWith("+$E.Probehost GDB server 127.0.0.1:" + server.port()
                    + " is already serving a GDB from 127.0.0.1:"), reply);
        } finally {
            servers.stopAll();
        }
    }

    @Test
    void aGdbThatReconnectsRightAfterDisconnectingIsServed() throws Exception {
        SingleClientServer server = start();
        try {
            try (Socket first = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                first.getOutputStream().write(Rsp.frame("qC"));
                first.getInputStream().readNBytes(7);
            }
            try (Socket again = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                again.getOutputStream().write(Rsp.frame("qC"));
                assertEquals("+$QC1#c5", new String(again.getInputStream().readNBytes(8), StandardCharsets.ISO_8859_1));
            }
        } finally {
            servers.stopAll();
        }
    }

    @Test
    void aPortAnotherProgramHoldsIsRefusedWithTheWayOut() throws Exception {
        try (java.net.ServerSocket other = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ProbeException failure = assertThrows(ProbeException.class, () -> servers.start(
                    InetAddress.getLoopbackAddress(), other.getLocalPort(), () -> null, "F2", System.out));
            assertTrue(failure.getMessage().startsWith("cannot listen on 127.0.0.1:" + other.getLocalPort() + ": "),
                    failure.getMessage());
            assertTrue(failure.getMessage().endsWith("(another program listens there; -p PORT picks another port)"),
                    failure.getMessage());
        }
    }

    @Test
    void aPortInUseByAnotherServerIsRefused() {
        SingleClientServer server = start();
        try {
            ProbeException failure = assertThrows(ProbeException.class, () -> servers.start(
                    InetAddress.getLoopbackAddress(), server.port(), () -> null, "F2", System.out));
            assertEquals("a GDB server already listens on port " + server.port() + " (gdb:stop " + server.port()
                    + " stops it)", failure.getMessage());
        } finally {
            servers.stopAll();
        }
    }
}
