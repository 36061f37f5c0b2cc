package io.probehost.sim.adi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.probehost.sim.adi.rbb.RemoteBitbangServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real OpenOCD as a child process against a remote_bitbang port; every wait is bounded. */
final class OpenOcd {
    static final Path EXECUTABLE = Path.of("/usr/bin/openocd");

    record Result(int exitCode, String output) {
        boolean timedOut() {
            return exitCode == Integer.MIN_VALUE;
        }
    }

    private OpenOcd() {
    }

    static Path resource(String name) {
        try {
            return Path.of(OpenOcd.class.getResource("/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new AssertionError("missing test resource " + name, e);
        }
    }

    /**
     * Serves {@code pins} over remote_bitbang on the loopback interface for as long as
     * {@link #run(int, String, List, long, Path)} with that port takes.
     */
    static Result runAgainst(SwjPins pins, String config, List<String> commands, long timeoutSeconds, Path workDir)
            throws IOException, InterruptedException {
        try (RemoteBitbangServer server = new RemoteBitbangServer(pins, InetAddress.getLoopbackAddress(), 0)) {
            server.start();
            return run(server.port(), config, commands, timeoutSeconds, workDir);
        }
    }

    /**
     * Runs {@code openocd -c "set RBB_PORT <port>" -f <config> -c <command>...}; the process is
     * killed if it outlives the timeout.
     */
    static Result run(int port, String config, List<String> commands, long timeoutSeconds, Path workDir)
            throws IOException, InterruptedException {
        assertTrue(Files.isExecutable(EXECUTABLE), "OpenOCD is required for this test: install openocd (0.12) at " + EXECUTABLE);
        List<String> argv = new ArrayList<>();
        argv.add(EXECUTABLE.toString());
        argv.add("-s");
        argv.add(resource(config).getParent().toString());
        argv.add("-c");
        argv.add("set RBB_PORT " + port);
        argv.add("-f");
        argv.add(resource(config).toString());
        for (String command : commands) {
            argv.add("-c");
            argv.add(command);
        }
        Path log = workDir.resolve("openocd.log");
        Process process = new ProcessBuilder(argv).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            int exit = finished ? process.exitValue() : Integer.MIN_VALUE;
            return new Result(exit, Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
