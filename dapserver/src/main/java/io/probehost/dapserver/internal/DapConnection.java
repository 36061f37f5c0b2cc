package io.probehost.dapserver.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.net.Socket;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.lsp4j.debug.launch.DSPLauncher;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.jsonrpc.Launcher;

import io.probehost.command.CommandFailure;
import io.probehost.command.SingleClientServer;

/**
 * One DAP client's connection: LSP4J reads its messages into a {@link DebugAdapter} whose requests
 * run on a worker thread of the connection's own, until the client goes; then the client's
 * breakpoints come off (after any request still running) and the worker ends.
 */
final class DapConnection implements SingleClientServer.Connection {
    private static final long END_MILLIS = 5000;

    private final DebugAdapter.SessionSource sessions;
    private final ShellCommands shell;
    private final PrintStream log;

    DapConnection(DebugAdapter.SessionSource sessions, ShellCommands shell, PrintStream log) {
        this.sessions = sessions;
        this.shell = shell;
        this.log = log;
    }

    @Override
    public void serve(Socket socket, String peer) throws IOException {
        log.println("dap: " + peer + " connected");
        ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "probehost-dap-" + socket.getLocalPort() + "-worker");
            thread.setDaemon(true);
            return thread;
        });
        DebugAdapter adapter = new DebugAdapter(sessions, shell, worker, log);
        try {
            Launcher<IDebugProtocolClient> launcher = DSPLauncher.createServerLauncher(adapter, socket.getInputStream(),
                    socket.getOutputStream());
            adapter.connect(launcher.getRemoteProxy());
            launcher.startListening().get();
        } catch (ExecutionException e) {
            // the connection failed; it has ended all the same
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            end(worker, adapter);
        }
        log.println("dap: " + peer + " disconnected");
    }

    private void end(ScheduledExecutorService worker, DebugAdapter adapter) {
        try {
            worker.submit(() -> {
                try {
                    adapter.end(false);
                } catch (RuntimeException e) {
                    log.println("dap: " + CommandFailure.oneLine(e));
                }
            }).get(END_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            log.println("dap: the client's breakpoints could not be removed: " + e.getMessage());
        }
        worker.shutdownNow();
    }
}
