package io.probehost.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code ./probehost} attached to a running station: sends the command line, the current folder and
 * whether it runs on a terminal, copies standard input to the station and the station's output to its
 * own, turns Ctrl-C into a cancel frame, and exits with the command's status. It starts no runtime
 * and has nothing but the JDK on its class path, so it starts in a few tens of milliseconds.
 * <p>
 * With no station answering on the state folder's endpoint it exits with {@link #NO_STATION} before
 * printing anything, and the {@code probehost} script starts the runtime as without a station.
 */
public final class StationClient {
    /** The exit status that tells the script no station answered (so it starts a runtime of its own). */
    public static final int NO_STATION = 100;

    private final OutputStream toStation;
    private final PrintStream out;
    private final PrintStream err;

    StationClient(OutputStream toStation, PrintStream out, PrintStream err) {
        this.toStation = toStation;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        int status;
        try {
            status = attach(args, out, err);
        } catch (IllegalStateException | StationProtocolException e) {
            err.println("Error: " + e.getMessage());
            status = 1;
        }
        out.flush();
        err.flush();
        System.exit(status);
    }

    static int attach(String[] args, PrintStream out, PrintStream err) {
        Optional<List<String>> command = commandFor(args);
        Path state = Path.of(System.getProperty("probehost.state", ".probehost"));
        StationEndpoint endpoint = StationEndpoint.in(state);
        if (command.isEmpty()) {
            return NO_STATION;
        }
        boolean terminal = System.console() != null;
        return exchange(endpoint, token -> new AttachRequest(token, command.get(),
                Path.of("").toAbsolutePath().toString(), terminal, terminal ? columns() : 0, hasSim(args),
                System.getenv("PROBEHOST_DEBUG") != null, ProcessHandle.current().pid()), System.in, true, out, err);
    }

    /**
     * Runs one command on the station that serves {@code state}, as {@code ./probehost --sim COMMAND} run
     * from {@code folder} would (on the station's lab when it has one), with {@code in} as its standard
     * input and no terminal; for programs that drive a station without a process per command (the soak). Interrupting the calling thread closes the connection, which
     * cancels the command on the station.
     *
     * @return the command's status, or {@link #NO_STATION}
     * @throws IllegalStateException when the station goes away mid-command
     */
    public static int run(Path state, List<String> command, Path folder, InputStream in, PrintStream out,
            PrintStream err) {
        return exchange(StationEndpoint.in(state), token -> new AttachRequest(token, command,
                folder.toAbsolutePath().toString(), false, 0, true, false, ProcessHandle.current().pid()), in, false,
                out, err);
    }

    /** Sends the request (with the endpoint's token) and copies input and replies until the command ends. */
    private static int exchange(StationEndpoint endpoint, Function<String, AttachRequest> request, InputStream in,
            boolean interactive, PrintStream out, PrintStream err) {
        if (!Files.exists(endpoint.socket())) {
            return NO_STATION;
        }
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(endpoint.socket()));
        } catch (IOException e) {
            // Refused: the station was killed and left its socket behind.
            return NO_STATION;
        }
        if (interactive && System.getenv("PROBEHOST_TIMING") != null) {
            long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            err.printf("[timing] %-40s %5d ms after JVM start%n", "attached to the station", sinceJvmStart);
        }
        try (channel) {
            StationClient client = new StationClient(SocketStreams.output(channel), out, err);
            client.send(request.apply(endpoint.readToken()).toFrame());
            if (interactive) {
                client.forwardInterrupts();
            }
            client.pumpInput(in);
            return client.copyReplies(SocketStreams.input(channel));
        } catch (IOException e) {
            throw new IllegalStateException("lost the station at " + endpoint.socket() + ": " + e.getMessage());
        }
    }

    /**
     * The command line without the launcher's own options; empty when the launcher itself must answer
     * (help, serve, an option it does not know), so that the script runs it.
     */
    static Optional<List<String>> commandFor(String[] args) {
        List<String> command = new ArrayList<>();
        for (String arg : args) {
            if (!command.isEmpty()) {
                command.add(arg);
            } else if (arg.equals("--sim")) {
                continue;
            } else if (arg.startsWith("-") || arg.equals("serve")) {
                return Optional.empty();
            } else {
                command.add(arg);
            }
        }
        return Optional.of(command);
    }

    private static boolean hasSim(String[] args) {
        for (String arg : args) {
            if (arg.equals("--sim")) {
                return true;
            }
            if (!arg.startsWith("-")) {
                return false;
            }
        }
        return false;
    }

    /** The terminal's width: $COLUMNS, else stty's answer, else 0 (unknown). */
    private static int columns() {
        try {
            String columns = System.getenv("COLUMNS");
            if (columns != null) {
                return Integer.parseInt(columns.trim());
            }
            Process stty = new ProcessBuilder("stty", "size").redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String[] size = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim()
                    .split("\\s+");
            return stty.waitFor() == 0 && size.length == 2 ? Integer.parseInt(size[1]) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private void send(Frame frame) throws IOException {
        synchronized (toStation) {
            frame.writeTo(toStation);
        }
    }

    /** Ctrl-C cancels the command on the station; a second one, while the first is pending, leaves. */
    @SuppressWarnings("restriction")
    private void forwardInterrupts() {
        boolean[] pending = new boolean[1];
        sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> {
            if (pending[0]) {
                err.println();
                Runtime.getRuntime().halt(130);
            }
            pending[0] = true;
            try {
                send(Frame.of(FrameType.CANCEL));
            } catch (IOException e) {
                Runtime.getRuntime().halt(130);
            }
            new Thread(() -> {
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
                pending[0] = false;
            }, "probehost-interrupt-window").start();
        });
    }

    /** Copies standard input to the station on a daemon thread, then says it ended. */
    private void pumpInput(InputStream in) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                int count;
                while ((count = in.read(buffer)) >= 0) {
                    if (count > 0) {
                        send(new Frame(FrameType.INPUT, java.util.Arrays.copyOf(buffer, count)));
                    }
                }
                send(Frame.of(FrameType.INPUT_END));
            } catch (IOException e) {
                // the station went away; the reply loop reports it
            }
        }, "probehost-input");
        pump.setDaemon(true);
        pump.start();
    }

    /** Copies the station's output until its exit frame; returns the status. */
    int copyReplies(InputStream fromStation) throws IOException {
        while (true) {
            Optional<Frame> next = Frame.readFrom(fromStation);
            if (next.isEmpty()) {
                throw new IllegalStateException("the station closed the connection before the command ended");
            }
            Frame frame = next.get();
            switch (frame.type()) {
                case OUTPUT -> {
                    out.write(frame.payload());
                    out.flush();
                }
                case ERROR_OUTPUT -> {
                    err.write(frame.payload());
                    err.flush();
                }
                case EXIT -> {
                    return frame.status();
                }
                case REFUSED -> {
                    err.println("Error: the station refused the command: " + frame.text());
                    return 1;
                }
                default -> throw new StationProtocolException("unexpected " + frame + " from the station");
            }
        }
    }
}
