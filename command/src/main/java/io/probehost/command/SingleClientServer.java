package io.probehost.command;

import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A listening socket that serves one client at a time (a debugger: GDB, an IDE's debug adapter
 * client): its thread accepts, one more thread runs the {@link Connection} to the end of the
 * client's connection. A client that connects while one is served waits up to the hand-over time
 * for it to be gone (a debugger that restarts reconnects at once), longer while the served one is
 * {@linkplain Connection#isBusy() busy} with a request, else the {@link Refusal} answers it and it is closed. {@link #close()} stops listening, ends the served client's input (its
 * protocol reads the end of the stream), waits for the threads and closes both sockets.
 */
public final class SingleClientServer implements AutoCloseable {
    private static final long JOIN_MILLIS = 5000;
    private static final long POLL_MILLIS = 10;

    /** Serves one client until its connection ends; runs on the server's client thread. */
    @FunctionalInterface
    public interface Connection {
        void serve(Socket socket, String peer) throws IOException;

        /** Whether the served client's request is still in hand (a reset), so a newcomer may wait the busy hand-over. */
        default boolean isBusy() {
            return false;
        }
    }

    /** Tells a client that came while {@code attached} is served why it is turned away. */
    @FunctionalInterface
    public interface Refusal {
        void refuse(Socket socket, String attached) throws IOException;
    }

    private final String name;
    private final ServerSocket listener;
    private final String probe;
    private final PrintStream log;
    private final Connection connection;
    private final Refusal refusal;
    private final Duration handover;
    private final Duration busyHandover;
    private final Thread thread;
    private final AtomicReference<Socket> attached = new AtomicReference<>();
    private volatile Thread client;
    private volatile boolean stopping;

    /**
     * Binds the socket ({@code port} 0: a free one); {@link #start()} starts serving.
     *
     * @param name     the protocol's short name ({@code gdb}, {@code dap}): threads and log lines start with it
     * @param probe    the probe served, for listings ({@code ""} when the client chooses)
     * @param handover how long a second client may wait for the first to be gone
     */
    public SingleClientServer(String name, InetAddress bind, int port, String probe, PrintStream log,
            Connection connection, Refusal refusal, Duration handover) throws IOException {
        this(name, bind, port, probe, log, connection, refusal, handover, handover);
    }

    /**
     * As the other constructor, and a client may wait up to {@code busyHandover} while the served
     * one's {@link Connection#isBusy()} holds.
     */
    public SingleClientServer(String name, InetAddress bind, int port, String probe, PrintStream log,
            Connection connection, Refusal refusal, Duration handover, Duration busyHandover) throws IOException {
        this.name = name;
        this.listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(bind, port));
        this.probe = probe;
        this.log = log;
        this.connection = connection;
        this.refusal = refusal;
        this.handover = handover;
        this.busyHandover = busyHandover;
        this.thread = new Thread(this::acceptLoop, "probehost-" + name + "-" + port());
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** {@code 127.0.0.1:4711}. */
    public String address() {
        return listener.getInetAddress().getHostAddress() + ":" + port();
    }

    public String probe() {
        return probe;
    }

    /** The served client's address, or empty. */
    public String client() {
        Socket socket = attached.get();
        return socket == null ? "" : peer(socket);
    }

    public boolean isRunning() {
        return thread.isAlive();
    }

    private void acceptLoop() {
        while (!stopping) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (!stopping) {
                    log.println(name + ": " + address() + ": " + e.getMessage());
                }
                return;
            }
            if (!attach(socket)) {
                String served = client();
                log.println(name + ": refused " + peer(socket) + ": a client from " + served + " is attached");
                try (socket) {
                    refusal.refuse(socket, served);
                } catch (IOException e) {
                    // it went away first; nothing to tell
                }
                continue;
            }
            Thread serving = new Thread(() -> serve(socket), "probehost-" + name + "-" + port() + "-client");
            serving.setDaemon(true);
            client = serving;
            serving.start();
        }
    }

    /**
     * Makes {@code socket} the served client once the one before has gone, waiting up to the
     * hand-over time, or the busy hand-over time while the served one's request is in hand.
     */
    private boolean attach(Socket socket) {
        for (long waited = 0; waited <= handover.toMillis()
                || connection.isBusy() && waited <= busyHandover.toMillis(); waited += POLL_MILLIS) {
            if (attached.compareAndSet(null, socket)) {
                return true;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private void serve(Socket socket) {
        String who = peer(socket);
        try (socket) {
            socket.setTcpNoDelay(true);
            connection.serve(socket, who);
        } catch (EOFException | SocketException e) {
            log.println(name + ": " + who + " disconnected");
        } catch (IOException | RuntimeException | LinkageError e) {
            log.println(name + ": " + who + ": " + CommandFailure.oneLine(e));
        } finally {
            attached.compareAndSet(socket, null);
        }
    }

    /** The other end as {@code 127.0.0.1:46110}. */
    public static String peer(Socket socket) {
        return socket.getRemoteSocketAddress().toString().replaceFirst("^/", "");
    }

    /** Stops listening, ends the served client's input, waits for the threads and closes the sockets. */
    @Override
    public void close() {
        stopping = true;
        closeQuietly(listener);
        Socket socket = attached.get();
        try {
            if (socket != null) {
                try {
                    socket.shutdownInput();
                } catch (IOException e) {
                    closeQuietly(socket);
                }
            }
            thread.join(JOIN_MILLIS);
            Thread serving = client;
            if (serving != null) {
                serving.join(JOIN_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (socket != null) {
            closeQuietly(socket);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing anyway
        }
    }
}
