package io.probehost.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * The bundles a user installed into the state folder's framework cache (driver:install), read
 * from the framework's own records there, so that a run on a temporary cache has the same
 * drivers and packs. Felix keeps each bundle in {@code bundleN/}: {@code bundle.info} holds the
 * id, the location and the persistent state one per line, and {@code versionR.V/bundle.jar} the
 * jar of each revision. The cache is only read: the process holding it may be installing a bundle
 * at that moment, and a record it has not finished is skipped with a warning.
 */
final class InstalledBundles {
    /** Felix's persistent states in bundle.info (the {@link Bundle} constants). */
    private static final int UNINSTALLED = Bundle.UNINSTALLED;
    private static final String INFO = "bundle.info";
    private static final String JAR = "bundle.jar";

    /** One installed bundle: where it was installed from, whether it was started, its jar in the cache. */
    record Record(String location, boolean started, Path jar) {
    }

    private final Path cache;
    private final Path deploy;
    private final PrintStream warnings;

    /**
     * @param cache     the state folder's cache
     * @param deploy    the drop folder, whose bundles the folder's watcher installs in every run
     * @param warnings  where a skipped record is told
     */
    InstalledBundles(Path cache, Path deploy, PrintStream warnings) {
        this.cache = cache;
        this.deploy = deploy;
        this.warnings = warnings;
    }

    /** The user-installed bundles recorded in the cache, in the order they were installed. */
    List<Record> read() {
        List<Record> records = new ArrayList<>();
        for (Path folder : bundleFolders()) {
            try {
                read(folder).ifPresent(records::add);
            } catch (IOException | RuntimeException e) {
                skipped(folder, "cannot read it: " + e.getMessage());
            }
        }
        return records;
    }

    /** Installs (and starts, if they were started) the bundles {@link #read()} finds. */
    void installInto(BundleContext context) {
        for (Record record : read()) {
            Bundle bundle;
            try (InputStream in = Files.newInputStream(record.jar())) {
                bundle = context.installBundle(record.location(), in);
            } catch (IOException | BundleException e) {
                warnings.println("Warning: " + record.location() + " from " + cache + " is not installed here ("
                        + FrameworkHost.firstLine(e.getMessage()) + ")");
                continue;
            }
            if (record.started()) {
                try {
                    bundle.start();
                } catch (BundleException e) {
                    warnings.println("Warning: bundle " + bundle.getSymbolicName() + " did not start: "
                            + FrameworkHost.firstLine(e.getMessage()));
                }
            }
        }
    }

    private Optional<Record> read(Path folder) throws IOException {
        Path info = folder.resolve(INFO);
        if (!Files.isRegularFile(info)) {
            skipped(folder, "its " + INFO + " is not written yet");
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(info);
        if (lines.size() < 3 || lines.get(1).isBlank() || !lines.get(2).matches("\\d+")) {
            skipped(folder, "its " + INFO + " is incomplete");
            return Optional.empty();
        }
        String location = lines.get(1);
        if (location.startsWith(FrameworkHost.LOCATION_PREFIX) || FrameworkHost.inDeployFolder(location, deploy)
                || Integer.parseInt(lines.get(2)) == UNINSTALLED) {
            return Optional.empty();
        }
        Optional<Path> jar = newestRevisionJar(folder);
        if (jar.isEmpty()) {
            skipped(folder, "its jar is not written yet");
            return Optional.empty();
        }
        int state = Integer.parseInt(lines.get(2));
        return Optional.of(new Record(location, state == Bundle.ACTIVE || state == Bundle.STARTING, jar.get()));
    }

    /** The {@code bundleN} folders but the framework's own ({@code bundle0}), by id. */
    private List<Path> bundleFolders() {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(p -> idOf(p, "bundle") > 0 && Files.isDirectory(p))
                    .sorted(Comparator.comparingLong(p -> idOf(p, "bundle"))).toList();
        } catch (IOException e) {
            warnings.println("Warning: cannot list " + cache + " (" + e.getMessage() + "); installed bundles are missing");
            return List.of();
        }
    }

    /** The jar of the newest revision ({@code versionR.V}, highest R then V) that has one. */
    private static Optional<Path> newestRevisionJar(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> revisionOf(p) != null && Files.isRegularFile(p.resolve(JAR)))
                    .max(Comparator.comparing(InstalledBundles::revisionOf, Comparator
                            .comparingLong((long[] revision) -> revision[0]).thenComparingLong(revision -> revision[1])))
                    .map(p -> p.resolve(JAR));
        }
    }

    /** {R, V} of a {@code versionR.V} folder, or null for anything else. */
    static long[] revisionOf(Path folder) {
        String name = folder.getFileName().toString();
        if (!name.matches("version\\d{1,18}\\.\\d{1,18}")) {
            return null;
        }
        int dot = name.indexOf('.');
        return new long[] {Long.parseLong(name.substring("version".length(), dot)), Long.parseLong(name.substring(dot + 1))};
    }

    /** N of a folder named prefix + N, or -1. */
    static long idOf(Path folder, String prefix) {
        String name = folder.getFileName().toString();
        return name.matches(prefix + "\\d{1,18}") ? Long.parseLong(name.substring(prefix.length())) : -1;
    }

    private void skipped(Path folder, String why) {
        warnings.println("Warning: skipped " + folder.getFileName() + " of " + cache + " (" + why
                + "; another probehost may be installing it)");
    }
}
