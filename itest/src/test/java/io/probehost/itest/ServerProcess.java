package io.probehost.itest;

import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code ./probehost --sim <scope>:serve ... --port 0} run as a user runs it, with a fresh state
 * folder: the port it announces, its output collected, stopped with SIGTERM (and asserted to stop).
 */
final class ServerProcess implements AutoCloseable {
    private static final Pattern PORT = Pattern.compile("127\\.0\\.0\\.1:(\\d+)");

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final int port;

    private ServerProcess(Process process) throws Exception {
        this.process = process;
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.port = awaitPort(lines);
        Thread drain = new Thread(() -> {
            try {
                lines.lines().forEach(line -> output.append(line).append('\n'));
            } catch (UncheckedIOException closedWithTheProcess) {
                output.append("(output closed: ").append(closedWithTheProcess.getCause().getMessage()).append(")\n");
            }
        });
        drain.setDaemon(true);
        drain.start();
    }

    /** Starts {@code ./probehost --sim} with {@code command} (which must end in a serve on port 0). */
    static ServerProcess start(String... command) throws Exception {
        Path state = Files.createTempDirectory("probehost-serve-state");
        List<String> line = new ArrayList<>(List.of(top().resolve("probehost").toString(), "--sim"));
        line.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("PROBEHOST_STATE", state.toString());
        return new ServerProcess(builder.start());
    }

    static Path top() {
        return Path.of(System.getProperty("probehost.top", "..")).toAbsolutePath().normalize();
    }

    int port() {
        return port;
    }

    String log() {
        return output.toString();
    }

    /** Waits up to half a minute for {@code text} in the output. */
    void awaitLog(String text) throws InterruptedException {
        for (int i = 0; i < 300 && !log().contains(text); i++) {
            Thread.sleep(100);
        }
    }

    private int awaitPort(BufferedReader lines) throws Exception {
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = lines.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher found = PORT.matcher(line);
            if (found.find()) {
                output.append(seen);
                return Integer.parseInt(found.group(1));
            }
        }
        throw new AssertionError("the server did not announce its port: " + seen);
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        boolean stopped = process.waitFor(20, TimeUnit.SECONDS);
        if (!stopped) {
            process.destroyForcibly();
        }
        assertTrue("the server stops on SIGTERM", stopped);
    }
}
