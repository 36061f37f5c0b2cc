package io.probehost.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

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
        if (lines.size() < 3 || lines.get(1).isBlank() || number("state" + lines.get(2), "state") < 0) {
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
        String[] names = cache.toFile().list();
        if (names == null) {
            return List.of();
        }
        long[] ids = new long[names.length];
        int count = 0;
        for (String name : names) {
            long id = number(name, "bundle");
            if (id > 0) {
                ids[count++] = id;
            }
        }
        Arrays.sort(ids, 0, count);
        List<Path> folders = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            folders.add(cache.resolve("bundle" + ids[i]));
        }
        return folders;
    }

    /** The jar of the newest revision ({@code versionR.V}, highest R then V) that has one. */
    private static Optional<Path> newestRevisionJar(Path folder) {
        String[] names = folder.toFile().list();
        Path newest = null;
        long[] newestRevision = null;
        for (String name : names == null ? new String[0] : names) {
            long[] revision = revisionOf(name);
            Path jar = folder.resolve(name).resolve(JAR);
            if (revision != null && (newestRevision == null || revision[0] > newestRevision[0]
                    || revision[0] == newestRevision[0] && revision[1] > newestRevision[1]) && Files.isRegularFile(jar)) {
                newest = jar;
                newestRevision = revision;
            }
        }
        return Optional.ofNullable(newest);
    }

    /** {R, V} of a {@code versionR.V} folder name, or null for anything else. */
    static long[] revisionOf(String name) {
        int dot = name.indexOf('.');
        if (dot < 0) {
            return null;
        }
        long refreshes = number(name.substring(0, dot), "version");
        long revision = number("version" + name.substring(dot + 1), "version");
        return refreshes < 0 || revision < 0 ? null : new long[] {refreshes, revision};
    }

    /** N of a name that is prefix followed by N decimal digits, or -1. */
    static long number(String name, String prefix) {
        int digits = name.length() - prefix.length();
        if (!name.startsWith(prefix) || digits < 1 || digits > 18) {
            return -1;
        }
        for (int i = prefix.length(); i < name.length(); i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(name, prefix.length(), name.length(), 10);
    }

    private void skipped(Path folder, String why) {
        warnings.println("Warning: skipped " + folder.getFileName() + " of " + cache + " (" + why
                + "; another probehost may be installing it)");
    }
}
