package io.probehost.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.probehost.client.AttachRequest;
import io.probehost.client.Frame;
import io.probehost.client.FrameType;
import io.probehost.client.SocketStreams;
import io.probehost.client.StationProtocolException;

/**
 * One client: reads its request, checks its token, runs the command on this connection's thread
 * while a second thread feeds the client's input to it and turns a cancel frame (or the client going
 * away) into an interrupt, and sends the output back as frames, then the exit status.
 */
final class StationConnection {
    private static final int INPUT_BUFFER_BYTES = 64 * 1024;

    private final SocketChannel channel;
    private final byte[] token;
    private final StationCommands commands;
    private final Logger log;
    private final Consumer<StationConnection> onEnd;
    private final InputStream fromClient;
    private final OutputStream toClient;
    private final Thread thread;
    private volatile StationCommands.Execution execution;

    StationConnection(SocketChannel channel, byte[] token, StationCommands commands, Logger log,
            Consumer<StationConnection> onEnd) {
        this.channel = channel;
        this.token = token;
        this.commands = commands;
        this.log = log;
        this.onEnd = onEnd;
        this.fromClient = SocketStreams.input(channel);
        this.toClient = SocketStreams.output(channel);
        this.thread = new Thread(this::serve, "probehost-station-client");
    }

    void start() {
        thread.setDaemon(true);
        thread.start();
    }

    /** The station stops: the command is interrupted and the connection closed. */
    void cancelAndClose() {
        StationCommands.Execution running = execution;
        if (running != null) {
            running.cancel();
        }
        try {
            thread.join(2000);
            channel.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private void serve() {
        try (channel) {
            try {
                Optional<Frame> first = Frame.readFrom(fromClient);
                if (first.isPresent()) {
                    serve(AttachRequest.fromFrame(first.get()));
                }
            } catch (StationProtocolException | IllegalArgumentException e) {
                // Inside the try-with-resources: the refusal must go out before the channel closes.
                log.warning("refused a client: " + e.getMessage());
                refuse(e.getMessage());
            }
        } catch (IOException e) {
            log.log(Level.FINE, "a client went away", e);
        } finally {
            onEnd.accept(this);
        }
    }

    private void serve(AttachRequest request) throws IOException {
        if (!MessageDigest.isEqual(token, request.token().getBytes(StandardCharsets.US_ASCII))) {
            log.warning("refused a client (pid " + request.clientPid() + "): wrong token");
            refuse("wrong token");
            return;
        }
        run(request);
    }

    private void run(AttachRequest request) throws IOException {
        long began = System.nanoTime();
        PipedInputStream input = new PipedInputStream(INPUT_BUFFER_BYTES);
        PipedOutputStream inputFeed = new PipedOutputStream(input);
        PrintStream out = new PrintStream(new FrameStream(FrameType.OUTPUT), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FrameStream(FrameType.ERROR_OUTPUT), true, StandardCharsets.UTF_8);
        execution = commands.start(request, input, out, err);
        Thread reader = new Thread(() -> readClient(inputFeed), "probehost-station-input");
        reader.setDaemon(true);
        reader.start();
        int status;
        try {
            status = execution.run();
        } catch (RuntimeException e) {
            // What the launcher reports when its own runtime fails, sent to the client instead.
            log.log(Level.WARNING, "a command of pid " + request.clientPid() + " failed", e);
            err.println("Error: " + CommandRunner.oneLine(e));
            status = 3;
        }
        out.flush();
        err.flush();
        send(Frame.exit(status));
        log.info(String.format("pid %d: %s -> %d (%d ms)", request.clientPid(),
                request.arguments().isEmpty() ? "(shell)" : String.join(" ", request.arguments()), status,
                (System.nanoTime() - began) / 1_000_000));
    }

    /** Feeds the client's input to the command and turns a cancel frame, or the client leaving, into an interrupt. */
    private void readClient(PipedOutputStream inputFeed) {
        boolean inputOpen = true;
        try {
            Optional<Frame> next;
            while ((next = Frame.readFrom(fromClient)).isPresent()) {
                Frame frame = next.get();
                switch (frame.type()) {
                    case INPUT -> inputOpen = inputOpen && feed(inputFeed, frame.payload());
                    case INPUT_END -> inputOpen = closeInput(inputFeed);
                    case CANCEL -> execution.cancel();
                    default -> throw new StationProtocolException("unexpected " + frame + " from a client");
                }
            }
            execution.cancel();
        } catch (IOException | StationProtocolException e) {
            execution.cancel();
        } finally {
            closeInput(inputFeed);
        }
    }

    /** False when the command no longer reads its input (what the client types next is dropped). */
    private static boolean feed(PipedOutputStream inputFeed, byte[] bytes) {
        try {
            inputFeed.write(bytes);
            inputFeed.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean closeInput(PipedOutputStream inputFeed) {
        try {
            inputFeed.close();
        } catch (IOException e) {
            // the command has stopped reading
        }
        return false;
    }

    private void refuse(String reason) {
        try {
            send(Frame.text(FrameType.REFUSED, reason));
        } catch (IOException e) {
            // the client has gone
        }
    }

    private void send(Frame frame) throws IOException {
        synchronized (toClient) {
            frame.writeTo(toClient);
        }
    }

    /** Output of one kind, sent as frames as it is written. */
    private final class FrameStream extends OutputStream {
        private final FrameType type;

        FrameStream(FrameType type) {
            this.type = type;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            for (int at = offset; at < offset + length; at += Frame.MAX_PAYLOAD) {
                int end = Math.min(offset + length, at + Frame.MAX_PAYLOAD);
                send(new Frame(type, Arrays.copyOfRange(bytes, at, end)));
            }
        }
    }
}
