package io.probehost.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.Test;

/**
 * A runtime that stays up for months: 10,000 install/uninstall cycles of a DS driver in one
 * {@code ./probehost --sim} fed on standard input, as a user's script would. Heap histograms (each
 * after a full collection) taken before and after the cycles must count exactly as many bundles,
 * revisions, bundle archives and bundle class loaders: nothing uninstalled stays reachable. The
 * growth of the live heap is printed.
 */
public class DriverInstallSoakIT {
    private static final int WARM_UP_CYCLES = 20;
    private static final int CYCLES = 10_000;
    /** Objects the framework makes per installed bundle; their counts may not grow. */
    private static final List<String> PER_BUNDLE = List.of("org.apache.felix.framework.BundleImpl",
            "org.apache.felix.framework.BundleRevisionImpl", "org.apache.felix.framework.cache.BundleArchive",
            "org.apache.felix.framework.BundleWiringImpl$BundleClassLoader");
    private static final Pattern HISTOGRAM_ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
    private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)");

    record Histogram(Map<String, Long> instances, long liveBytes) {
        long count(String className) {
            return instances.getOrDefault(className, 0L);
        }
    }

    @Test
    public void tenThousandInstallUninstallCyclesLeaveNoUninstalledBundleReachable() throws Exception {
        Path jar = ShippedRuntime.testDriverJar();
        Path state = stateFolder();
        Process probehost = start(state);
        AtomicInteger installed = new AtomicInteger();
        AtomicInteger uninstalled = new AtomicInteger();
        StringBuilder errors = new StringBuilder();
        Thread reader = follow(probehost, installed, uninstalled);
        Thread errorReader = collect(probehost, errors);
        try (Writer commands = new BufferedWriter(new OutputStreamWriter(probehost.getOutputStream(),
                StandardCharsets.UTF_8))) {
            long startedAt = System.nanoTime();
            cycles(commands, jar, WARM_UP_CYCLES);
            awaitCount(uninstalled, WARM_UP_CYCLES, probehost, errors);
            Histogram before = histogram(probehost.pid());

            cycles(commands, jar, CYCLES);
            awaitCount(uninstalled, WARM_UP_CYCLES + CYCLES, probehost, errors);
            Histogram after = histogram(probehost.pid());
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedAt);

            long growth = after.liveBytes() - before.liveBytes();
            System.out.printf("%d driver install/uninstall cycles in %d s: live heap after full GC %d -> %d bytes "
                    + "(%+d bytes, %+.1f bytes a cycle); bundles %d -> %d%n", CYCLES, seconds, before.liveBytes(),
                    after.liveBytes(), growth, (double) growth / CYCLES,
                    before.count(PER_BUNDLE.get(0)), after.count(PER_BUNDLE.get(0)));
            commands.write("exit\n");
            commands.flush();
            for (String type : PER_BUNDLE) {
                assertEquals(type + " objects after " + CYCLES + " cycles", before.count(type), after.count(type));
            }
        } finally {
            if (!probehost.waitFor(60, TimeUnit.SECONDS)) {
                probehost.destroyForcibly();
            }
            reader.join(10_000);
            errorReader.join(10_000);
            deleteRecursively(state);
        }
        assertEquals("every cycle's driver was started by DS: " + errors, WARM_UP_CYCLES + CYCLES, installed.get());
        assertEquals(errors.toString(), 0, probehost.exitValue());
    }

    /**
     * The soak measures memory, not the disk: the state folder (the framework cache, which every
     * install and removal writes) lives in memory when the machine has a tmpfs.
     */
    private static Path stateFolder() throws IOException {
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm)
                ? Files.createTempDirectory(shm, "probehost-soak") : Files.createTempDirectory("probehost-soak");
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static Process start(Path state) throws IOException {
        Path deploy = Files.createTempDirectory("probehost-soak-deploy");
        Path top = Path.of(System.getProperty("probehost.top", "..")).toAbsolutePath().normalize();
        ProcessBuilder builder = new ProcessBuilder(top.resolve("probehost").toString(), "--sim");
        builder.environment().put("PROBEHOST_STATE", state.toString());
        builder.environment().put("PROBEHOST_DEPLOY", deploy.toString());
        return builder.start();
    }

    private static void cycles(Writer commands, Path jar, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            commands.write("driver:install " + jar + "\n");
            commands.write("driver:uninstall testprobe\n");
        }
        commands.flush();
    }

    /** Counts the driver's installs (with its DS driver registered) and removals as the shell reports them. */
    private static Thread follow(Process process, AtomicInteger installed, AtomicInteger uninstalled) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("Installed io.probehost.itest.driver") && line.contains("driver testprobe")) {
                        installed.incrementAndGet();
                    } else if (line.startsWith("Uninstalled io.probehost.itest.driver")) {
                        uninstalled.incrementAndGet();
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "soak-stdout");
        reader.start();
        return reader;
    }

    private static Thread collect(Process process, StringBuilder errors) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    synchronized (errors) {
                        errors.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "soak-stderr");
        reader.start();
        return reader;
    }

    /** Waits for the shell to have done that many removals; fails when it stops making progress or dies. */
    private static void awaitCount(AtomicInteger done, int wanted, Process process, StringBuilder errors)
            throws InterruptedException {
        int last = -1;
        int idlePolls = 0;
        while (done.get() < wanted) {
            assertTrue("probehost ended early: " + errors, process.isAlive());
            int now = done.get();
            idlePolls = now == last ? idlePolls + 1 : 0;
            assertTrue("no cycle finished in 60 s, at " + now + ": " + errors, idlePolls < 600);
            last = now;
            Thread.sleep(100);
        }
    }

    /**
     * {@code jcmd PID GC.class_histogram}: live objects by class. A full collection ({@code GC.run})
     * comes first: the histogram's own collection was seen to leave megabytes of dead arrays counted.
     */
    static Histogram histogram(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        List<String> lines = jcmd(pid, "GC.class_histogram");
        Map<String, Long> instances = new HashMap<>();
        long total = -1;
        for (String line : lines) {
            Matcher row = HISTOGRAM_ROW.matcher(line);
            Matcher sum = HISTOGRAM_TOTAL.matcher(line);
            if (row.find()) {
                instances.merge(row.group(3), Long.parseLong(row.group(1)), Long::sum);
            } else if (sum.find()) {
                total = Long.parseLong(sum.group(2));
            }
        }
        assertTrue("no total in the histogram: " + lines, total > 0);
        return new Histogram(instances, total);
    }

    private static List<String> jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        File output = Files.createTempFile("probehost-jcmd", ".txt").toFile();
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
                .redirectErrorStream(true).redirectOutput(output).start();
        assertTrue("jcmd " + command + " did not finish", process.waitFor(120, TimeUnit.SECONDS));
        List<String> lines = Files.readAllLines(output.toPath());
        assertEquals("jcmd " + command + " failed: " + lines, 0, process.exitValue());
        Files.delete(output.toPath());
        return lines;
    }
}
