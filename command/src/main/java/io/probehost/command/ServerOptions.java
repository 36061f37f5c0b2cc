package io.probehost.command;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.BooleanSupplier;

import org.apache.felix.service.command.CommandSession;

import io.probehost.api.text.Numbers;

/**
 * What the commands that start a TCP server ({@code gdb:serve}, {@code dap:serve}) share: the port
 * and {@code --bind} address of their command line (loopback unless told otherwise), whether the
 * shell keeps the server in the background, and the wait of a one-shot run until interrupted.
 */
public final class ServerOptions {
    /** The address a server binds unless {@code --bind} names another. */
    public static final String LOOPBACK = "127.0.0.1";
    private static final long POLL_MILLIS = 200;

    private ServerOptions() {
    }

    /** The port of {@code -p PORT}, or {@code defaultPort}; 0 picks a free one. */
    public static int port(CommandLine line, int defaultPort) {
        return port(line, line.option("-p").orElse(Integer.toString(defaultPort)));
    }

    /** {@code text} as a TCP port (0 picks a free one); a usage error otherwise. */
    public static int port(CommandLine line, String text) {
        long port = Numbers.parse(text, "port");
        if (port < 0 || port > 0xFFFF) {
            throw line.usageError("port " + port + " is not a TCP port (0 picks a free one)");
        }
        return (int) port;
    }

    /** The address of {@code --bind}, or the loopback address. */
    public static InetAddress bind(CommandLine line) {
        String address = line.option("--bind").orElse(LOOPBACK);
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw line.usageError("unknown address '" + address + "'");
        }
    }

    /** True in the interactive line editor, where a server runs in the background. */
    public static boolean inBackground(CommandSession shell) {
        return shell != null && shell.get(CommandConsole.TERMINAL_VARIABLE) != null;
    }

    /**
     * What a server command returns once {@code server} listens: in the shell, {@code started} and how
     * {@code stopCommand} stops it, the server running on in the background; in a one-shot run,
     * nothing, after serving until interrupted.
     */
    public static Object keepServing(CommandSession shell, PrintStream out, String started, SingleClientServer server,
            String stopCommand) {
        if (inBackground(shell)) {
            return started + " (" + stopCommand + " " + server.port() + " stops it)";
        }
        serveUntilStopped(out, started, server::isRunning);
        return null;
    }

    /** Prints {@code started} and waits while {@code running} holds (a one-shot run: until interrupted). */
    private static void serveUntilStopped(PrintStream out, String started, BooleanSupplier running) {
        out.println(started + "; Ctrl-C stops");
        out.flush();
        try {
            while (running.getAsBoolean()) {
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
