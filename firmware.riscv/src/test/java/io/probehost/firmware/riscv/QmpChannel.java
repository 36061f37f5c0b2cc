package io.probehost.firmware.riscv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * (The same as the ARM firmware module's.) QEMU Machine Protocol over the emulator's stdin/stdout: one JSON object a line. A daemon thread
 * queues the lines, so every wait for a reply is bounded. Only the few messages the harness needs
 * are understood, so no JSON library is used.
 */
final class QmpChannel {
    private static final String END_OF_STREAM = "\u0000eof";

    private final OutputStream toQemu;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Duration replyTimeout;

    QmpChannel(InputStream fromQemu, OutputStream toQemu, Duration replyTimeout) {
        this.toQemu = toQemu;
        this.replyTimeout = replyTimeout;
        Thread reader = new Thread(() -> pump(fromQemu), "qmp-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void pump(InputStream fromQemu) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(fromQemu, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the emulator went away; the waiting side reports it
        } finally {
            lines.add(END_OF_STREAM);
        }
    }

    /** Waits for the greeting and leaves capabilities negotiation mode. */
    void handshake() throws IOException {
        String greeting = nextLine();
        if (!greeting.contains("\"QMP\"")) {
            throw new IOException("not a QMP greeting: " + greeting);
        }
        execute("{\"execute\":\"qmp_capabilities\"}");
    }

    /** Runs an HMP command (e.g. {@code xp /4wx 0x20000000}) and returns its text output. */
    String humanCommand(String commandLine) throws IOException {
        String reply = execute("{\"execute\":\"human-monitor-command\",\"arguments\":{\"command-line\":\""
                + commandLine + "\"}}");
        return unescapeReturnString(reply);
    }

    private String execute(String json) throws IOException {
        toQemu.write((json + "\n").getBytes(StandardCharsets.UTF_8));
        toQemu.flush();
        while (true) {
            String line = nextLine();
            if (line.startsWith("{\"return\"")) {
                return line;
            }
            if (line.startsWith("{\"error\"")) {
                throw new IOException("QMP error for " + json + ": " + line);
            }
            // asynchronous events ({"timestamp": ..., "event": ...}) are skipped
        }
    }

    private String nextLine() throws IOException {
        try {
            String line = lines.poll(replyTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (line == null) {
                throw new IOException("no QMP reply within " + replyTimeout);
            }
            if (line == END_OF_STREAM) {
                lines.add(END_OF_STREAM);
                throw new IOException("QEMU closed its QMP stream");
            }
            return line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for QMP", e);
        }
    }

    private static String unescapeReturnString(String reply) throws IOException {
        String prefix = "{\"return\": \"";
        int start = reply.indexOf(prefix);
        int end = reply.lastIndexOf('"');
        if (start < 0 || end < start + prefix.length()) {
            throw new IOException("human-monitor-command gave no text: " + reply);
        }
        return reply.substring(start + prefix.length(), end).replace("\\r", "\r").replace("\\n", "\n")
                .replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
