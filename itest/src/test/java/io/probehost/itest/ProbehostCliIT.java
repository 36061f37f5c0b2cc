package io.probehost.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.BeforeClass;
import org.junit.Test;

/** {@code ./probehost} as a user runs it: a process with an exit status, output and nothing left hanging. */
public class ProbehostCliIT {
    private static Path state;
    private static Path deploy;

    record Result(int status, String out, String err) {
    }

    @BeforeClass
    public static void privateStateFolder() throws IOException {
        state = Files.createTempDirectory("probehost-state");
        deploy = Files.createTempDirectory("probehost-deploy");
    }

    static Path stateFolder() {
        return state;
    }

    @Test
    public void probeListWithNoProbesPrintsTheEmptyMessageAndExitsZero() throws Exception {
        Result result = run(null, "probe:list");
        assertEquals(result.err, 0, result.status);
        assertEquals("No available debug probes are connected", result.out.trim());
    }

    @Test
    public void unknownCommandFailsWithOneLineAndStatusOne() throws Exception {
        Result result = run(null, "nosuch:command");
        assertEquals(1, result.status);
        assertEquals("Error: unknown command 'nosuch:command' (help lists the commands)", result.err.trim());
    }

    @Test
    public void unknownLauncherOptionFailsWithStatusTwo() throws Exception {
        Result result = run(null, "--bogus");
        assertEquals(2, result.status);
        assertTrue(result.err, result.err.contains("unknown option '--bogus'"));
    }

    @Test
    public void commandsPipedOnStandardInputRunInTurn() throws Exception {
        Result result = run("probe:list\ndriver:list\n", new String[0]);
        assertEquals(result.err, 0, result.status);
        assertTrue(result.out, result.out.contains("No available debug probes are connected"));
        assertTrue("driver:list ran after probe:list: " + result.out, result.out.contains("cmsisdap"));
    }

    @Test
    public void aJarInTheDeployFolderIsThereForTheNextOneShotCommand() throws Exception {
        Path jar = deploy.resolve("testprobe.jar");
        Files.copy(ShippedRuntime.testDriverJar(), jar);
        try {
            Result listed = run(null, "probe:list");
            assertEquals(listed.err, 0, listed.status);
            assertTrue(listed.out, listed.out.contains("TP0001ABCD"));
        } finally {
            Files.delete(jar);
        }
        Result gone = run(null, "probe:list");
        assertEquals("No available debug probes are connected", gone.out.trim());
    }

    @Test
    public void anExtraInstalledByNameAndAnAddedRepositoryOutliveTheProcess() throws Exception {
        Result repositories = run(null, "driver:repo-add", ShippedRuntime.testExtrasIndex().toString());
        assertEquals(repositories.err, 0, repositories.status);
        String listed = run(null, "driver:repo-list").out;
        assertTrue("the shipped repository comes first: " + listed,
                listed.indexOf("runtime/target/extras/index.xml") < listed.indexOf("test-extras/index.xml"));

        Result installed = run(null, "driver:install", "testextra");
        assertEquals(installed.err, 0, installed.status);
        assertTrue(installed.out, installed.out.contains("install  com.sun.jna 5.17.0"));
        try {
            assertTrue("the extra is there in the next process", run(null, "driver:list").out.contains("jnaprobe"));
            assertTrue(run(null, "driver:available").out.matches("(?s).*testextra\\s+1\\.0\\.0\\s+yes.*"));
        } finally {
            Result removed = run(null, "driver:uninstall", "testextra");
            assertEquals(removed.err, 0, removed.status);
            run(null, "driver:repo-remove", ShippedRuntime.testExtrasIndex().toString());
        }
        assertTrue(!run(null, "driver:list").out.contains("jnaprobe"));
    }

    static Result run(String input, String... args) throws Exception {
        return runWith(Map.of(), input, args);
    }

    /** Runs {@code ./probehost ARGS} with {@code environment} added (such as {@code PROBEHOST_LAB}). */
    static Result runWith(Map<String, String> environment, String input, String... args) throws Exception {
        Path top = Path.of(System.getProperty("probehost.top", "..")).toAbsolutePath().normalize();
        List<String> command = new ArrayList<>();
        command.add(top.resolve("probehost").toString());
        command.addAll(List.of(args));
        File out = Files.createTempFile("probehost-out", ".txt").toFile();
        File err = Files.createTempFile("probehost-err", ".txt").toFile();
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out).redirectError(err);
        if (state != null) {
            // this class's own folders, unless the caller (a station test, say) names others
            builder.environment().put("PROBEHOST_STATE", state.toString());
            builder.environment().put("PROBEHOST_DEPLOY", deploy.toString());
        }
        builder.environment().putAll(environment);
        if (input == null) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        Process process = builder.start();
        if (input != null) {
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("./probehost " + String.join(" ", args) + " did not exit within 120 s");
        }
        return new Result(process.exitValue(), Files.readString(out.toPath()), Files.readString(err.toPath()));
    }
}
