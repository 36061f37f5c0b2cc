package io.probehost.gdbserver.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.probehost.api.host.DebugSession;
import io.probehost.command.CommandFailure;

/**
 * One listening socket: its thread accepts, and one more thread serves the attached GDB to the
 * end, then the next may attach (gdb may reconnect). A second GDB while one is attached gets an error packet
 * that says so and is closed. {@link #close()} stops the thread and closes both sockets.
 */
final class GdbServer implements AutoCloseable {
    private static final int REFUSAL_READ_MILLIS = 2000;
    /**
     * How long a new GDB waits for the one before it to be gone once that one is idle (gdb's
     * disconnect and reconnect come at once), and at most while it still serves a request (a kill
     * resets the target, and gdb does not wait for it).
     */
    private static final long HANDOVER_MILLIS = 1000;
    private static final long BUSY_HANDOVER_MILLIS = 30_000;
    private static final long HANDOVER_POLL_MILLIS = 10;
    private static final long JOIN_MILLIS = 5000;

    private final ServerSocket listener;
    private final Supplier<DebugSession> sessions;
    private final MonitorCommands monitor;
    private final PrintStream log;
    private final String probe;
    private final Thread thread;
    private final AtomicReference<Socket> attached = new AtomicReference<>();
    private volatile Thread client;
    private volatile GdbClient serving;
    private volatile boolean stopping;

    /**
     * Binds the socket; {@link #start()} starts serving.
     *
     * @param sessions the session to debug, asked again for each GDB that attaches
     * @param probe    the probe's name for listings and messages
     */
    GdbServer(InetAddress bind, int port, Supplier<DebugSession> sessions, MonitorCommands monitor, PrintStream log,
            String probe) throws IOException {
        this.listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(bind, port));
        this.sessions = sessions;
        this.monitor = monitor;
        this.log = log;
        this.probe = probe;
        this.thread = new Thread(this::acceptLoop, "probehost-gdb-" + port());
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    String address() {
        return listener.getInetAddress().getHostAddress() + ":" + port();
    }

    String probe() {
        return probe;
    }

    /** The attached GDB's address, or empty. */
    String client() {
        Socket socket = attached.get();
        return socket == null ? "" : peer(socket);
    }

    boolean isRunning() {
        return thread.isAlive();
    }

    private void acceptLoop() {
        while (!stopping) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (!stopping) {
                    log.println("gdb: " + address() + ": " + e.getMessage());
                }
                return;
            }
            if (!attached.compareAndSet(null, socket) && !awaitHandover(socket)) {
                refuse(socket);
                continue;
            }
            Thread serving = new Thread(() -> serve(socket), "probehost-gdb-" + port() + "-client");
            serving.setDaemon(true);
            client = serving;
            serving.start();
        }
    }

    private void serve(Socket socket) {
        String who = peer(socket);
        log.println("gdb: " + who + " attached to " + probe);
        try (socket) {
            socket.setTcpNoDelay(true);
            PacketChannel channel = new PacketChannel(new BufferedInputStream(socket.getInputStream()),
                    new BufferedOutputStream(socket.getOutputStream()), millis -> soTimeout(socket, millis));
            GdbClient gdb = new GdbClient(channel, sessions.get(), monitor, log);
            serving = gdb;
            gdb.serve();
            log.println("gdb: " + who + " detached");
        } catch (EOFException | SocketException e) {
            log.println("gdb: " + who + " disconnected");
        } catch (IOException | RuntimeException | LinkageError e) {
            log.println("gdb: " + who + ": " + CommandFailure.oneLine(e));
        } finally {
            attached.compareAndSet(socket, null);
        }
    }

    /**
     * Waits a moment for the attached GDB's connection to end and attaches {@code socket} if it
     * does: a {@code disconnect} closes gdb's socket at once, but the serving thread sees the end
     * of it only when its read returns.
     */
    private boolean awaitHandover(Socket socket) {
        long start = System.nanoTime();
        long idleDeadline = start + HANDOVER_MILLIS * 1_000_000;
        long busyDeadline = start + BUSY_HANDOVER_MILLIS * 1_000_000;
        while (System.nanoTime() < idleDeadline || isBusy() && System.nanoTime() < busyDeadline) {
            if (attached.compareAndSet(null, socket)) {
                return true;
            }
            try {
                Thread.sleep(HANDOVER_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private boolean isBusy() {
        GdbClient gdb = serving;
        return gdb != null && gdb.isBusy();
    }

    /** The other end as {@code 127.0.0.1:46110}. */
    private static String peer(Socket socket) {
        return socket.getRemoteSocketAddress().toString().replaceFirst("^/", "");
    }

    private static void soTimeout(Socket socket, int millis) {
        try {
            socket.setSoTimeout(millis);
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers the second GDB's first packet with an error that names the attached one, then closes it. */
    private void refuse(Socket socket) {
        String message = "Probehost GDB server " + address() + " is already serving a GDB from " + client()
                + "; detach that one first";
        log.println("gdb: refused " + peer(socket) + ": another GDB is attached");
        try (socket) {
            socket.setSoTimeout(REFUSAL_READ_MILLIS);
            PacketChannel channel = new PacketChannel(new BufferedInputStream(socket.getInputStream()),
                    new BufferedOutputStream(socket.getOutputStream()), millis -> { });
            channel.receive();
            channel.send("E." + message);
        } catch (IOException e) {
            // it went away first; nothing to tell
        }
    }

    /** Stops listening, ends the attached connection and waits for the thread. */
    @Override
    public void close() {
        stopping = true;
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        Socket socket = attached.get();
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        try {
            thread.join(JOIN_MILLIS);
            Thread serving = client;
            if (serving != null) {
                serving.join(JOIN_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
