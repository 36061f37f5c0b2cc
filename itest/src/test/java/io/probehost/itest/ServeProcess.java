package io.probehost.itest;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./probehost serve --sim ARGS} as the station ITs start it: in its own state and deploy folders,
 * started in the state folder, its output in a file, nothing on its input.
 */
final class ServeProcess {
    private static final long START_LIMIT_MILLIS = 180_000;

    private ServeProcess() {
    }

    /** Starts the station and waits until it says clients may attach. */
    static Process startAndAwaitReady(Path state, Path deploy, Path output, String... args) throws Exception {
        Path top = Path.of(System.getProperty("probehost.top", "..")).toAbsolutePath().normalize();
        List<String> line = new ArrayList<>(List.of(top.resolve("probehost").toString(), "serve", "--sim"));
        line.addAll(List.of(args));
        ProcessBuilder serve = new ProcessBuilder(line).directory(state.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        serve.environment().putAll(Map.of("PROBEHOST_STATE", state.toString(), "PROBEHOST_DEPLOY", deploy.toString()));
        Process station = serve.start();
        long deadline = System.currentTimeMillis() + START_LIMIT_MILLIS;
        while (!Files.readString(output).contains("ready: clients attach")) {
            if (!station.isAlive() || System.currentTimeMillis() > deadline) {
                throw new AssertionError("the station did not start: " + Files.readString(output));
            }
            Thread.sleep(100);
        }
        return station;
    }

    /** SIGTERM, then SIGKILL if it has not stopped within a minute; nothing when it never started. */
    static void stop(Process station) throws InterruptedException {
        if (station != null) {
            station.destroy();
            if (!station.waitFor(60, TimeUnit.SECONDS)) {
                station.destroyForcibly();
            }
        }
    }
}
