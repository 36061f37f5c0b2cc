package io.probehost.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * When {@code ./probehost} builds the runtime: on the first run and after a source it is built from
 * changed, once even when two are started together. The script runs in a small copy of the source
 * tree (not a git checkout) with stand-ins for {@code mvn}, which lays out a runtime, and for
 * {@code java}, which prints its arguments; so the decisions are tested without a real build.
 */
public class ProbehostRebuildIT {
    private static final String JAVA_RAN = "java ran:";
    private static final List<String> SOURCES = List.of("pom.xml", "bnd.bnd", "cnf/build.bnd", "core.api/pom.xml",
            "core.api/bnd.bnd", "core.api/src/main/java/Api.java", "core.api/src/main/resources/table.json",
            "core.api/src/test/java/ApiTest.java", "runtime/pom.xml", "runtime/probehost.bndrun",
            "itest/src/test/java/SomeIT.java", "README.md");

    private final Map<Process, File[]> outputs = new HashMap<>();
    private Path tree;
    private Path tools;

    record Result(int status, String out, String err) {
    }

    @Before
    public void copyOfTheSourceTreeWithStandInTools() throws IOException {
        Path top = Path.of(System.getProperty("probehost.top", "..")).toAbsolutePath().normalize();
        Path folder = Files.createTempDirectory("probehost-rebuild");
        tree = Files.createDirectories(folder.resolve("tree"));
        tools = Files.createDirectories(folder.resolve("bin"));
        Files.copy(top.resolve("probehost"), tree.resolve("probehost"), StandardCopyOption.COPY_ATTRIBUTES);
        for (String source : SOURCES) {
            Path file = tree.resolve(source);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "source " + source + "\n");
        }
        tool("mvn", "echo \"mvn $*\" >> ../mvn-calls.txt",
                "if [[ -n \"${FAKE_MVN_READS_INPUT:-}\" ]]; then cat > /dev/null; fi",
                "sleep \"${FAKE_MVN_SECONDS:-0}\"",
                "if [[ -n \"${FAKE_MVN_FAIL:-}\" ]]; then echo '[ERROR] BUILD FAILURE'; exit 1; fi",
                "mkdir -p runtime/target/export/probehost",
                "echo launcher > runtime/target/probehost.jar",
                "echo bundle > runtime/target/export/probehost/core.api.jar");
        tool("java", "echo \"" + JAVA_RAN + " $*\"", "cat");
        age(tree, Duration.ofHours(2));
    }

    @After
    public void deleteTheCopy() throws IOException {
        try (Stream<Path> files = Files.walk(tree.getParent())) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Test
    public void firstRunBuildsThenTheNextRunStartsWithoutBuilding() throws Exception {
        Result first = run(Map.of(), "probe:list");
        assertEquals(first.err, 0, first.status);
        assertEquals("Building Probehost (first run, takes a minute)...", first.err.trim());
        assertTrue(first.out, first.out.startsWith(JAVA_RAN) && first.out.contains("probe:list"));
        assertEquals(List.of("mvn -B -q -DskipTests -pl runtime -am install"), mavenCalls());

        Result second = run(Map.of(), "probe:list");
        assertEquals("", second.err);
        assertTrue(second.out, second.out.startsWith(JAVA_RAN));
        assertEquals(1, mavenCalls().size());
    }

    /**
     * Commands piped to a first run reach the shell started after the build, even if the build reads
     * its standard input (Maven did, so a fresh clone's {@code printf 'probe:list\nexit\n' |
     * ./probehost --sim} printed nothing but the build line).
     */
    @Test
    public void commandsPipedToAFirstRunReachTheShellAfterTheBuild() throws Exception {
        Path input = Files.writeString(tree.getParent().resolve("commands.txt"), "probe:list\nexit\n");
        Result first = finish(start(Map.of("FAKE_MVN_READS_INPUT", "1"), input.toFile()));
        assertEquals(first.err, 0, first.status);
        assertEquals(List.of("mvn -B -q -DskipTests -pl runtime -am install"), mavenCalls());
        assertTrue(first.out, first.out.contains("probe:list\nexit"));
    }

    @Test
    public void changedMainSourceRebuildsWithOneLineNamingIt() throws Exception {
        built();
        Files.writeString(tree.resolve("core.api/src/main/java/Api.java"), "changed\n");

        Result result = run(Map.of(), "probe:list");

        assertEquals(result.err, 0, result.status);
        assertEquals("Sources changed since the last build (core.api/src/main/java/Api.java); rebuilding...",
                result.err.trim());
        assertEquals(2, mavenCalls().size());
        assertEquals("", run(Map.of(), "probe:list").err);
        assertEquals("the rebuilt runtime is up to date", 2, mavenCalls().size());
    }

    @Test
    public void everyKindOfBuildInputCountsAsAChange() throws Exception {
        for (String input : List.of("pom.xml", "bnd.bnd", "cnf/build.bnd", "core.api/pom.xml", "core.api/bnd.bnd",
                "core.api/src/main/resources/table.json", "runtime/probehost.bndrun")) {
            built();
            touch(input);
            Result result = run(Map.of(), "probe:list");
            assertEquals(input, "Sources changed since the last build (" + input + "); rebuilding...",
                    result.err.trim());
        }
    }

    @Test
    public void addedOrDeletedSourceFileCountsAsAChange() throws Exception {
        built();
        Files.writeString(tree.resolve("core.api/src/main/java/Added.java"), "new\n");
        assertTrue(run(Map.of(), "probe:list").err.startsWith("Sources changed since the last build"));

        built();
        Files.delete(tree.resolve("core.api/src/main/java/Added.java"));
        Result deleted = run(Map.of(), "probe:list");
        assertEquals("Sources changed since the last build (core.api/src/main/java); rebuilding...",
                deleted.err.trim());
    }

    @Test
    public void testSourcesAndDocumentationDoNotRebuild() throws Exception {
        built();
        int calls = mavenCalls().size();
        touch("core.api/src/test/java/ApiTest.java");
        touch("itest/src/test/java/SomeIT.java");
        touch("README.md");

        Result result = run(Map.of(), "probe:list");

        assertEquals("", result.err);
        assertEquals(calls, mavenCalls().size());
    }

    @Test
    public void runtimeBuiltByMavenSinceTheChangeIsNotBuiltAgain() throws Exception {
        built();
        int calls = mavenCalls().size();
        Instant now = Instant.now();
        Files.setLastModifiedTime(tree.resolve("core.api/src/main/java/Api.java"),
                FileTime.from(now.minus(Duration.ofMinutes(10))));
        // mvn install (or verify) by hand exported the bundles after the edit.
        Files.setLastModifiedTime(tree.resolve("runtime/target/export/probehost/core.api.jar"), FileTime.from(now));

        Result result = run(Map.of(), "probe:list");

        assertEquals("", result.err);
        assertEquals(calls, mavenCalls().size());
    }

    @Test
    public void failedBuildSaysWhereTheLogIsAndTheNextRunBuildsAgain() throws Exception {
        built();
        touch("core.api/src/main/java/Api.java");

        Result failed = run(Map.of("FAKE_MVN_FAIL", "1"), "probe:list");

        assertEquals(3, failed.status);
        assertTrue(failed.err, failed.err.trim().endsWith(
                "\nError: the build failed; see " + tree.resolve(".probehost-build.log")));
        assertFalse("the old runtime is not started", failed.out.contains(JAVA_RAN));
        assertTrue(Files.readString(tree.resolve(".probehost-build.log")).contains("BUILD FAILURE"));
        Result next = run(Map.of(), "probe:list");
        assertEquals(next.err, 0, next.status);
        assertEquals("The last build failed or was interrupted; rebuilding...", next.err.trim());
    }

    @Test
    public void rebuildDropsTheClassDataSharingArchive() throws Exception {
        built();
        Path archive = tree.resolve("runtime/target/probehost-host.jsa");
        Files.writeString(archive, "classes");
        assertTrue(run(Map.of(), "probe:list").out.contains("-XX:SharedArchiveFile=" + archive));

        touch("core.api/src/main/java/Api.java");
        Result rebuilt = run(Map.of(), "probe:list");

        assertFalse(Files.exists(archive));
        assertTrue(rebuilt.out, rebuilt.out.contains("-XX:ArchiveClassesAtExit=" + archive));
    }

    @Test
    public void twoRunsStartedTogetherOnAFreshTreeBuildOnce() throws Exception {
        Map<String, String> slowBuild = Map.of("FAKE_MVN_SECONDS", "2");
        Process first = start(slowBuild, "probe:list");
        Process second = start(slowBuild, "probe:list");

        Result one = finish(first);
        Result two = finish(second);

        assertEquals(one.err, 0, one.status);
        assertEquals(two.err, 0, two.status);
        assertTrue(one.out.startsWith(JAVA_RAN) && two.out.startsWith(JAVA_RAN));
        assertEquals(1, mavenCalls().size());
    }

    /** A runtime built an hour ago from sources two hours old. */
    private void built() throws Exception {
        Result result = run(Map.of(), "probe:list");
        assertEquals(result.err, 0, result.status);
        age(tree, Duration.ofHours(2));
        age(tree.resolve("runtime/target"), Duration.ofHours(1));
    }

    private void touch(String source) throws IOException {
        Files.setLastModifiedTime(tree.resolve(source), FileTime.from(Instant.now()));
    }

    private List<String> mavenCalls() throws IOException {
        Path calls = tree.resolveSibling("mvn-calls.txt");
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    private void tool(String name, String... lines) throws IOException {
        Path file = tools.resolve(name);
        Files.writeString(file, "#!/usr/bin/env bash\n" + String.join("\n", lines) + "\n");
        assertTrue(file.toFile().setExecutable(true));
    }

    private static void age(Path folder, Duration age) throws IOException {
        FileTime then = FileTime.from(Instant.now().minus(age));
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.toList()) {
                Files.setLastModifiedTime(file, then);
            }
        }
    }

    private Result run(Map<String, String> environment, String... args) throws Exception {
        return finish(start(environment, args));
    }

    private Process start(Map<String, String> environment, String... args) throws IOException {
        return start(environment, new File("/dev/null"), args);
    }

    private Process start(Map<String, String> environment, File input, String... args) throws IOException {
        List<String> command = Stream.concat(Stream.of(tree.resolve("probehost").toString()), Stream.of(args))
                .toList();
        File out = Files.createTempFile(tree.getParent(), "out", ".txt").toFile();
        File err = Files.createTempFile(tree.getParent(), "err", ".txt").toFile();
        ProcessBuilder builder = new ProcessBuilder(command).directory(tree.toFile()).redirectOutput(out)
                .redirectError(err).redirectInput(ProcessBuilder.Redirect.from(input));
        builder.environment().put("PATH", tools + File.pathSeparator + System.getenv("PATH"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        outputs.put(process, new File[] {out, err});
        return process;
    }

    private Result finish(Process process) throws Exception {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("./probehost did not exit within 60 s");
        }
        File[] files = outputs.remove(process);
        return new Result(process.exitValue(), Files.readString(files[0].toPath(), StandardCharsets.UTF_8),
                Files.readString(files[1].toPath(), StandardCharsets.UTF_8));
    }
}
