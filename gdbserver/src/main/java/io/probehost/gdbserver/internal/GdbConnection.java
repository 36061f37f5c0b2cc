package io.probehost.gdbserver.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import io.probehost.api.host.DebugSession;
import io.probehost.command.SingleClientServer;

/**
 * One GDB at a time over a socket: the session to debug is asked again for each GDB that attaches
 * (gdb may reconnect). It is busy while a request is in hand (a kill resets the target, and gdb does
 * not wait for it), so a GDB that reconnects meanwhile waits for it. A second GDB while one is
 * attached gets an error packet that names the attached one.
 */
final class GdbConnection implements SingleClientServer.Connection, SingleClientServer.Refusal {
    private static final int REFUSAL_READ_MILLIS = 2000;

    private final Supplier<DebugSession> sessions;
    private final MonitorCommands monitor;
    private final PrintStream log;
    private final String probe;
    private volatile GdbClient serving;

    /**
     * @param sessions the session to debug, asked again for each GDB that attaches
     * @param probe    the probe's name for messages
     */
    GdbConnection(Supplier<DebugSession> sessions, MonitorCommands monitor, PrintStream log, String probe) {
        this.sessions = sessions;
        this.monitor = monitor;
        this.log = log;
        this.probe = probe;
    }

    @Override
    public void serve(Socket socket, String peer) throws IOException {
        log.println("gdb: " + peer + " attached to " + probe);
        GdbClient gdb = new GdbClient(channel(socket, millis -> soTimeout(socket, millis)), sessions.get(), monitor,
                log);
        serving = gdb;
        try {
            gdb.serve();
        } finally {
            serving = null;
        }
        log.println("gdb: " + peer + " detached");
    }

    @Override
    public boolean isBusy() {
        GdbClient gdb = serving;
        return gdb != null && gdb.isBusy();
    }

    /** Answers the second GDB's first packet with an error that names the attached one. */
    @Override
    public void refuse(Socket socket, String attached) throws IOException {
        String server = socket.getLocalAddress().getHostAddress() + ":" + socket.getLocalPort();
        socket.setSoTimeout(REFUSAL_READ_MILLIS);
        PacketChannel channel = channel(socket, millis -> { });
        channel.receive();
        channel.send("E.Probehost GDB server " + server + " is already serving a GDB from " + attached
                + "; detach that one first");
    }

    private static PacketChannel channel(Socket socket, IntConsumer timeouts) throws IOException {
        return new PacketChannel(new BufferedInputStream(socket.getInputStream()),
                new BufferedOutputStream(socket.getOutputStream()), timeouts);
    }

    private static void soTimeout(Socket socket, int millis) {
        try {
            socket.setSoTimeout(millis);
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }
}
