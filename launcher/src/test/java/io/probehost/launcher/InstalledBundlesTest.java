package io.probehost.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstalledBundlesTest {
    @TempDir
    Path cache;

    private final Path deploy = Path.of("/lab/deploy").toAbsolutePath();
    private final ByteArrayOutputStream warnings = new ByteArrayOutputStream();

    @Test
    void userInstalledBundlesAreReadInInstallOrderWithTheirNewestRevision() throws IOException {
        bundle(2, "file:/drivers/pemicro.jar", Integer.toString(32), "version0.0", "version0.1", "version1.0");
        bundle(10, "file:/packs/acme.jar", "2", "version0.0");

        List<InstalledBundles.Record> records = read();

        assertEquals(List.of(
                new InstalledBundles.Record("file:/drivers/pemicro.jar", true, cache.resolve("bundle2/version1.0/bundle.jar")),
                new InstalledBundles.Record("file:/packs/acme.jar", false, cache.resolve("bundle10/version0.0/bundle.jar"))),
                records);
        assertEquals("", warnings());
    }

    @Test
    void launcherManagedDeployedAndUninstalledBundlesAreLeftOut() throws IOException {
        bundle(0, "System Bundle", "32");
        bundle(1, "reference:file:/runtime/export/probehost/core.api.jar", "8", "version0.0");
        bundle(3, "file:" + deploy.toUri().getPath() + "testprobe.jar", "32", "version0.0");
        bundle(4, "file:/drivers/gone.jar", "1", "version0.0");

        assertEquals(List.of(), read());
        assertEquals("", warnings());
    }

    @Test
    void aRecordStillBeingWrittenIsSkippedWithAWarning() throws IOException {
        Files.createDirectories(cache.resolve("bundle5"));
        Files.writeString(Files.createDirectories(cache.resolve("bundle6")).resolve("bundle.info"), "6\nfile:/half");
        bundle(7, "file:/drivers/nojar.jar", "32");
        bundle(8, "file:/drivers/fine.jar", "32", "version0.0");

        List<InstalledBundles.Record> records = read();

        assertEquals(1, records.size());
        assertEquals("file:/drivers/fine.jar", records.get(0).location());
        List<String> lines = warnings().lines().toList();
        assertEquals(3, lines.size(), warnings());
        assertTrue(lines.get(0).startsWith("Warning: skipped bundle5 of " + cache + " (its bundle.info is not written yet"),
                lines.get(0));
        assertTrue(lines.get(1).contains("bundle6") && lines.get(1).contains("incomplete"), lines.get(1));
        assertTrue(lines.get(2).contains("bundle7") && lines.get(2).contains("jar is not written yet"), lines.get(2));
    }

    @Test
    void noCacheYetMeansNoBundles() {
        assertEquals(List.of(), new InstalledBundles(cache.resolve("none"), deploy, new PrintStream(warnings)).read());
        assertEquals("", warnings());
    }

    private List<InstalledBundles.Record> read() {
        return new InstalledBundles(cache, deploy, new PrintStream(warnings, true, StandardCharsets.UTF_8)).read();
    }

    private String warnings() {
        return warnings.toString(StandardCharsets.UTF_8);
    }

    private void bundle(long id, String location, String state, String... revisions) throws IOException {
        Path folder = Files.createDirectories(cache.resolve("bundle" + id));
        Files.writeString(folder.resolve("bundle.info"), id + "\n" + location + "\n" + state + "\n1\n1796412225493\n0\n");
        for (String revision : revisions) {
            Files.writeString(Files.createDirectories(folder.resolve(revision)).resolve("bundle.jar"), "jar " + revision);
        }
    }
}
