package io.probehost.dapserver.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.lsp4j.debug.launch.DSPLauncher;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.jsonrpc.Launcher;

import io.probehost.command.CommandFailure;

/**
 * One listening socket for DAP clients (an IDE's {@code debugServer} port). Its thread accepts and
 * serves one client at a time to the end of its connection; a client that connects meanwhile waits
 * up to {@value #HANDOVER_MILLIS} ms for the first to be gone, else is closed (the log says why). {@link #close()} ends the connection and the threads.
 */
final class DapServer implements AutoCloseable {
    private static final long JOIN_MILLIS = 5000;
    private static final long HANDOVER_MILLIS = 3000;
    private static final long HANDOVER_POLL_MILLIS = 10;

    private final ServerSocket listener;
    private final DebugAdapter.SessionSource sessions;
    private final ShellCommands shell;
    private final PrintStream log;
    private final String probe;
    private final Thread thread;
    private final AtomicReference<Socket> attached = new AtomicReference<>();
    private volatile boolean stopping;

    /** Binds the socket; {@link #start()} starts serving. {@code probe} names the default probe in listings. */
    DapServer(InetAddress bind, int port, DebugAdapter.SessionSource sessions, ShellCommands shell, PrintStream log,
            String probe) throws IOException {
        this.listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(bind, port));
        this.sessions = sessions;
        this.shell = shell;
        this.log = log;
        this.probe = probe;
        this.thread = new Thread(this::acceptLoop, "probehost-dap-" + port());
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

    /** The attached client's address, or empty. */
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
                    log.println("dap: " + address() + ": " + e.getMessage());
                }
                return;
            }
            if (!attach(socket)) {
                log.println("dap: refused " + peer(socket) + ": a client from " + client() + " is attached");
                closeQuietly(socket);
                continue;
            }
            Thread serving = new Thread(() -> serve(socket), "probehost-dap-" + port() + "-client");
            serving.setDaemon(true);
            serving.start();
        }
    }

    /**
     * Makes {@code socket} the attached client, once the one before has gone: an IDE that restarts a
     * session connects again while the server still takes the last one's breakpoints off.
     */
    private boolean attach(Socket socket) {
        for (long waited = 0; waited < HANDOVER_MILLIS; waited += HANDOVER_POLL_MILLIS) {
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

    private void serve(Socket socket) {
        String who = peer(socket);
        log.println("dap: " + who + " connected");
        ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
                r -> daemon(r, "probehost-dap-" + port() + "-worker"));
        DebugAdapter adapter = new DebugAdapter(sessions, shell, worker, log);
        try (socket) {
            socket.setTcpNoDelay(true);
            Launcher<IDebugProtocolClient> launcher = DSPLauncher.createServerLauncher(adapter, socket.getInputStream(),
                    socket.getOutputStream());
            adapter.connect(launcher.getRemoteProxy());
            launcher.startListening().get();
            log.println("dap: " + who + " disconnected");
        } catch (IOException | ExecutionException e) {
            log.println("dap: " + who + " disconnected");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | LinkageError e) {
            log.println("dap: " + who + ": " + CommandFailure.oneLine(e));
        } finally {
            endOn(worker, adapter);
            attached.compareAndSet(socket, null);
        }
    }

    /** Takes the client's breakpoints off on the worker (after any request still running), then ends it. */
    private void endOn(ScheduledExecutorService worker, DebugAdapter adapter) {
        try {
            worker.submit(() -> {
                try {
                    adapter.end(false);
                } catch (RuntimeException e) {
                    log.println("dap: " + CommandFailure.oneLine(e));
                }
            }).get(JOIN_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | java.util.concurrent.TimeoutException | java.util.concurrent.RejectedExecutionException e) {
            log.println("dap: the client's breakpoints could not be removed: " + e.getMessage());
        }
        worker.shutdownNow();
    }

    private static Thread daemon(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    /** The other end as {@code 127.0.0.1:46110}. */
    private static String peer(Socket socket) {
        return socket.getRemoteSocketAddress().toString().replaceFirst("^/", "");
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing anyway
        }
    }

    /** Ends the client's requests the way a client that leaves does (LSP4J reads the end of the stream, not an error). */
    private static void endOfInput(Socket socket) {
        try {
            socket.shutdownInput();
        } catch (IOException e) {
            closeQuietly(socket);
        }
    }

    /** Stops listening, ends the attached connection and waits for the threads. */
    @Override
    public void close() {
        stopping = true;
        closeQuietly(listener);
        Socket socket = attached.get();
        try {
            if (socket != null) {
                endOfInput(socket);
            }
            thread.join(JOIN_MILLIS);
            for (int i = 0; i < JOIN_MILLIS / 10 && attached.get() != null; i++) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (socket != null) {
            closeQuietly(socket);
        }
    }
}
