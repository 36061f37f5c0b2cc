package io.probehost.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.Test;

/**
 * Several {@code ./probehost} processes on one state folder, as two scripts on one lab machine run
 * them: every one works, the framework cache survives them, and a damaged cache is built again
 * with a warning instead of stopping every later run.
 */
public class ConcurrentStartsIT {
    private static final int PROCESSES = 8;

    record Result(int status, String out, String err) {
    }

    @Test
    public void concurrentColdStartsAllWorkAndLeaveAWorkingCache() throws Exception {
        Path state = Files.createTempDirectory("probehost-concurrent");
        List<Process> processes = new ArrayList<>();
        List<File[]> outputs = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            File out = Files.createTempFile("probehost-out", ".txt").toFile();
            File err = Files.createTempFile("probehost-err", ".txt").toFile();
            processes.add(builder(state, "probe:list").redirectOutput(out).redirectError(err)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start());
            outputs.add(new File[] {out, err});
        }
        for (int i = 0; i < PROCESSES; i++) {
            Result result = finish(processes.get(i), outputs.get(i));
            assertEquals("run " + i + ": " + result.err(), 0, result.status());
            assertEquals("run " + i, "No available debug probes are connected", result.out().trim());
        }

        Result after = run(state, "driver:list");
        assertEquals(after.err(), 0, after.status());
        assertEquals("the cache is intact: no warning, no rebuild", "", after.err().trim());
        assertTrue(after.out(), after.out().contains("cmsisdap"));
    }

    @Test
    public void aDamagedCacheIsBuiltAgainWithAOneLineWarning() throws Exception {
        Path state = Files.createTempDirectory("probehost-damaged");
        assertEquals(0, run(state, "probe:list").status());
        // What two frameworks writing one cache left behind: the line editor recorded under another location.
        Path info = bundleInfoOf(state.resolve("cache"), "org.apache.felix.gogo.jline");
        List<String> lines = new ArrayList<>(Files.readAllLines(info));
        lines.set(1, "file:/elsewhere/org.apache.felix.gogo.jline-1.1.8.jar");
        Files.write(info, lines);

        Result rebuilt = run(state, "probe:list");
        assertEquals(rebuilt.err(), 0, rebuilt.status());
        List<String> warnings = rebuilt.err().lines().toList();
        assertEquals(rebuilt.err(), 1, warnings.size());
        assertTrue(warnings.get(0), warnings.get(0).startsWith("Warning: the framework cache ")
                && warnings.get(0).contains("was damaged (Bundle symbolic name and version are not unique")
                && warnings.get(0).contains("it is built again"));
        assertEquals("No available debug probes are connected", rebuilt.out().trim());

        Result next = run(state, "probe:list");
        assertEquals(next.err(), "", next.err().trim());
    }

    @Test
    public void aRunWhileAShellHoldsTheCacheHasTheInstalledDriverWithoutWaiting() throws Exception {
        Path state = Files.createTempDirectory("probehost-held");
        Result installed = run(state, "driver:install", ShippedRuntime.testDriverJar().toString());
        assertEquals(installed.err(), 0, installed.status());
        Process shell = builder(state).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        OutputStream shellInput = shell.getOutputStream();
        try {
            shellInput.write("probe:list\n".getBytes(StandardCharsets.UTF_8));
            shellInput.flush();
            awaitLocked(state.resolve("cache.lock"), shell);

            Result beside = run(state, "driver:list");
            assertEquals(beside.err(), 0, beside.status());
            assertTrue(beside.out(), beside.out().contains("cmsisdap"));
            assertTrue("the driver installed in the shared cache: " + beside.out(), beside.out().contains("testprobe"));
            List<String> warnings = beside.err().lines().toList();
            assertEquals(beside.err(), 1, warnings.size());
            assertTrue("the shell is named, so the run did not wait for it: " + warnings.get(0), warnings.get(0)
                    .startsWith("Warning: a probehost shell (pid " + shell.pid() + ") is using " + state.resolve("cache")
                            + "; this one runs on a temporary framework cache with the same installed bundles"));

            Result probes = run(state, "probe:list");
            assertTrue(probes.out(), probes.out().contains("TP0001ABCD"));
        } finally {
            shellInput.close();
            if (!shell.waitFor(60, TimeUnit.SECONDS)) {
                shell.destroyForcibly();
            }
        }
        assertEquals("the shell ends normally once its input ends", 0, shell.exitValue());
        Result after = run(state, "driver:list");
        assertEquals("the shared cache is back in use: " + after.err(), "", after.err());
        assertTrue(after.out(), after.out().contains("testprobe"));
    }

    @Test
    public void aRecordLeftByAShellThatIsGoneDoesNotStopTheWait() throws Exception {
        Path state = Files.createTempDirectory("probehost-stale");
        Files.createDirectories(state.resolve("cache"));
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        // This test holds the lock itself, with the record a killed shell would have left.
        try (FileChannel channel = FileChannel.open(state.resolve("cache.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
            channel.write(ByteBuffer.wrap((gone.pid() + " shell\n").getBytes(StandardCharsets.US_ASCII)));
            Result beside = run(state, "probe:list");
            assertEquals(beside.err(), 0, beside.status());
            assertTrue(beside.err(), beside.err().startsWith("Warning: another probehost is using "
                    + state.resolve("cache") + " (waited 2.0 s); this one runs on a temporary framework cache"));
        }
    }

    @Test
    public void concurrentFirstRunsLeaveAUsableClassDataSharingArchive() throws Exception {
        Path runtime = ShippedRuntime.runtimeFolder();
        Path archive = runtime.resolve("probehost-host.jsa");
        Files.deleteIfExists(archive);
        Path state = Files.createTempDirectory("probehost-cds");
        List<Process> processes = new ArrayList<>();
        List<File[]> outputs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            File out = Files.createTempFile("probehost-out", ".txt").toFile();
            File err = Files.createTempFile("probehost-err", ".txt").toFile();
            processes.add(builder(state, "probe:list").redirectOutput(out).redirectError(err)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start());
            outputs.add(new File[] {out, err});
        }
        for (int i = 0; i < processes.size(); i++) {
            Result result = finish(processes.get(i), outputs.get(i));
            assertEquals("run " + i + ": " + result.err(), 0, result.status());
        }

        assertTrue("one of them recorded the archive", Files.isRegularFile(archive));
        Process check = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-Xlog:cds",
                "-cp", runtime.resolve("probehost.jar").toString(), "-version").redirectErrorStream(true).start();
        String log = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(check.waitFor(60, TimeUnit.SECONDS));
        assertEquals(log, 0, check.exitValue());
        assertTrue("the JVM maps it: " + log, log.contains("Mapped dynamic region"));
        Result next = run(state, "probe:list");
        assertEquals(next.err(), 0, next.status());
        assertEquals("", next.err());
    }

    /** Waits until the shell has started (it holds the lock from before the framework starts). */
    private static void awaitLocked(Path lockFile, Process shell) throws Exception {
        for (int i = 0; i < 600 && shell.isAlive(); i++) {
            if (Files.exists(lockFile)) {
                try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
                    FileLock lock = channel.tryLock();
                    if (lock == null) {
                        return;
                    }
                    lock.release();
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the shell never took the cache lock");
    }

    private static Path bundleInfoOf(Path cache, String symbolicName) throws IOException {
        try (Stream<Path> folders = Files.list(cache)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                Path info = folder.resolve("bundle.info");
                if (Files.exists(info) && Files.readAllLines(info).get(1).contains(symbolicName)) {
                    return info;
                }
            }
        }
        throw new AssertionError("no bundle " + symbolicName + " in " + cache);
    }

    private static ProcessBuilder builder(Path state, String... args) throws IOException {
        Path top = Path.of(System.getProperty("probehost.top", "..")).toAbsolutePath().normalize();
        List<String> command = new ArrayList<>();
        command.add(top.resolve("probehost").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PROBEHOST_STATE", state.toString());
        builder.environment().put("PROBEHOST_DEPLOY", Files.createTempDirectory("probehost-deploy").toString());
        return builder;
    }

    private static Result run(Path state, String... args) throws Exception {
        File out = Files.createTempFile("probehost-out", ".txt").toFile();
        File err = Files.createTempFile("probehost-err", ".txt").toFile();
        ProcessBuilder builder = builder(state, args).redirectOutput(out).redirectError(err)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        return finish(builder.start(), new File[] {out, err});
    }

    private static Result finish(Process process, File[] outputs) throws Exception {
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("./probehost did not exit within 120 s");
        }
        return new Result(process.exitValue(), Files.readString(outputs[0].toPath()),
                Files.readString(outputs[1].toPath()));
    }
}
