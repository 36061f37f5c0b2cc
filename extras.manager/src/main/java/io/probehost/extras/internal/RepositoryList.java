package io.probehost.extras.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.probehost.api.ProbeException;

/**
 * The indexes extras come from: the runtime's own (its {@code extras/index.xml}, or the
 * comma-separated {@code probehost.extras.repositories} property) and those a user added, kept one
 * per line in the state folder's {@code extras-repositories.txt}.
 */
final class RepositoryList {
    static final String PROPERTY = "probehost.extras.repositories";
    static final String ADDED_FILE = "extras-repositories.txt";

    private final List<URI> builtIn;
    private final Path addedFile;
    private final List<URI> added = new ArrayList<>();

    /**
     * @param builtIn    the runtime's indexes
     * @param addedFile  where added indexes are kept, or null to keep them for this run only
     */
    RepositoryList(List<URI> builtIn, Path addedFile) {
        this.builtIn = List.copyOf(builtIn);
        this.addedFile = addedFile;
        if (addedFile != null && Files.isRegularFile(addedFile)) {
            try {
                for (String line : Files.readAllLines(addedFile)) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        added.add(URI.create(line.trim()));
                    }
                }
            } catch (IOException | IllegalArgumentException e) {
                throw new ProbeException("cannot read " + addedFile + ": " + e.getMessage());
            }
        }
    }

    /** From the framework properties: {@code probehost.extras.repositories}, else {@code probehost.home}/extras. */
    static RepositoryList of(String repositories, String home, String state) {
        List<URI> builtIn = new ArrayList<>();
        if (repositories != null && !repositories.isBlank()) {
            for (String index : repositories.split(",")) {
                if (!index.isBlank()) {
                    builtIn.add(toIndex(index.trim()));
                }
            }
        } else if (home != null) {
            Path shipped = Path.of(home).resolve("extras").resolve("index.xml").toAbsolutePath().normalize();
            if (Files.isRegularFile(shipped)) {
                builtIn.add(shipped.toUri());
            }
        }
        return new RepositoryList(builtIn, state == null ? null : Path.of(state).resolve(ADDED_FILE));
    }

    synchronized List<URI> all() {
        List<URI> all = new ArrayList<>(builtIn);
        added.stream().filter(u -> !all.contains(u)).forEach(all::add);
        return all;
    }

    synchronized void add(URI index) {
        if (!all().contains(index)) {
            added.add(index);
            save();
        }
    }

    synchronized void remove(URI index) {
        if (builtIn.contains(index)) {
            throw new ProbeException(index + " is the runtime's own repository and cannot be removed");
        }
        if (!added.remove(index)) {
            throw new ProbeException("no repository " + index + " (driver:repo-list shows them)");
        }
        save();
    }

    private void save() {
        if (addedFile == null) {
            return;
        }
        List<String> lines = new ArrayList<>(List.of("# Extra repositories added with driver:repo-add, one index URL a line"));
        added.forEach(u -> lines.add(u.toString()));
        try {
            Files.createDirectories(addedFile.getParent());
            Files.write(addedFile, lines);
        } catch (IOException e) {
            throw new ProbeException("cannot write " + addedFile + ": " + e.getMessage());
        }
    }

    /** An index given as a URL, a file or a folder holding {@code index.xml}. */
    static URI toIndex(String urlOrPath) {
        if (urlOrPath.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*") && !urlOrPath.matches("^[a-zA-Z]:\\\\.*")) {
            try {
                return URI.create(urlOrPath);
            } catch (IllegalArgumentException e) {
                throw new ProbeException("not a valid URL: " + urlOrPath);
            }
        }
        Path path = Path.of(urlOrPath).toAbsolutePath().normalize();
        return (Files.isDirectory(path) ? path.resolve("index.xml") : path).toUri();
    }
}
