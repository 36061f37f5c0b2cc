package io.probehost.itest.soak;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.probehost.client.StationClient;
import io.probehost.client.StationEndpoint;

/**
 * {@code ./probehost serve --sim} on a lab file and a state folder of its own, driven through the attach
 * client ({@link StationClient#run}) and measured from outside: threads and open files from /proc, the
 * heap after a full GC through {@code jcmd}.
 */
final class StationProcess implements AutoCloseable {
    /** A heap space's line of {@code GC.heap_info} (one for G1, one per generation for the serial and parallel GCs). */
    private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");
    private static final long START_LIMIT_MILLIS = 300_000;

    private final Path state;
    private final Path output;
    private final Process process;

    private StationProcess(Path state, Path output, Process process) {
        this.state = state;
        this.output = output;
        this.process = process;
    }

    /** Starts the station and waits until its socket answers. */
    static StationProcess start(Path top, Path lab) throws IOException, InterruptedException {
        Path state = Files.createTempDirectory("probehost-soak");
        Path output = state.resolve("serve.out");
        ProcessBuilder serve = new ProcessBuilder(top.resolve("probehost").toString(), "serve", "--sim")
                .directory(state.toFile()).redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        serve.environment().putAll(Map.of("PROBEHOST_STATE", state.toString(), "PROBEHOST_LAB", lab.toString(),
                "PROBEHOST_DEPLOY", Files.createDirectories(state.resolve("deploy")).toString()));
        StationProcess station = new StationProcess(state, output, serve.start());
        Path socket = StationEndpoint.in(state).socket();
        long deadline = System.currentTimeMillis() + START_LIMIT_MILLIS;
        while (!Files.exists(socket)) {
            if (!station.process.isAlive() || System.currentTimeMillis() > deadline) {
                station.process.destroyForcibly();
                throw new IllegalStateException("the station did not start: " + Files.readString(output));
            }
            Thread.sleep(100);
        }
        return station;
    }

    /** What one command left: its status and both outputs. */
    record Outcome(int status, String out, String err) {
    }

    /**
     * Runs one command on the station, as {@code ./probehost ARGS} would, with nothing on its standard input.
     * An interrupt closes the connection, which cancels the command on the station.
     */
    Outcome run(List<String> command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int status = StationClient.run(state, command, state, new ByteArrayInputStream(new byte[0]), outStream,
                    errStream);
            return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    long pid() {
        return process.pid();
    }

    /** The station's threads, heap after a full GC, and open file descriptors, now. */
    ResourceSample sample(int commandsDone) throws IOException, InterruptedException {
        jcmd("GC.run");
        Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
        long heapKib = 0;
        boolean found = false;
        while (used.find()) {
            heapKib += Long.parseLong(used.group(1));
            found = true;
        }
        if (!found) {
            throw new IllegalStateException("jcmd GC.heap_info named no heap in use");
        }
        long threads;
        try (Stream<String> status = Files.lines(Path.of("/proc", Long.toString(pid()), "status"))) {
            threads = status.filter(line -> line.startsWith("Threads:")).mapToLong(line -> Long.parseLong(
                    line.substring("Threads:".length()).trim())).findFirst().orElseThrow();
        }
        long fds;
        try (Stream<Path> open = Files.list(Path.of("/proc", Long.toString(pid()), "fd"))) {
            fds = open.count();
        }
        return new ResourceSample(commandsDone, threads, heapKib, fds);
    }

    private String jcmd(String what) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process run = new ProcessBuilder(jcmd.toString(), Long.toString(pid()), what).redirectErrorStream(true).start();
        String answer = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!run.waitFor(60, TimeUnit.SECONDS) || run.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + what + " failed: " + answer);
        }
        return answer;
    }

    /** SIGTERM; the station's exit status (0 after a clean stop), or -1 when it did not stop within a minute. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    String output() throws IOException {
        return Files.readString(output);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
