package io.probehost.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where things are. The runtime folder (built by the runtime module) holds the bundle sets; the
 * state folder holds what must outlive a run: the framework caches (with bundles a user installed),
 * the lab's flash contents. The deploy folder is watched for driver and pack jars.
 *
 * @param bundles       jars of the bundle set of this mode (the export of probehost.bndrun or sim.bndrun)
 * @param cache         framework storage for this mode
 * @param state         the state folder
 * @param deploy        the drop folder
 */
record RuntimeLayout(Path bundles, Path cache, Path state, Path deploy,
        boolean sim) {

    static RuntimeLayout fromSystemProperties(boolean sim) {
        Path home = Main.home().toAbsolutePath().normalize();
        Path state = Path.of(System.getProperty("probehost.state", home.resolve("state").toString()))
                .toAbsolutePath().normalize();
        Path deploy = Path.of(System.getProperty("probehost.deploy", state.resolveSibling("deploy").toString()))
                .toAbsolutePath().normalize();
        return new RuntimeLayout(home.resolve("export").resolve(sim ? "sim" : "probehost"),
                state.resolve(sim ? "cache-sim" : "cache"), state, deploy, sim);
    }

    /** The jars this run installs. */
    List<Path> runBundles() {
        List<Path> jars = new ArrayList<>(jarsIn(bundles));
        if (jars.isEmpty()) {
            throw new IllegalStateException("no bundles in " + bundles + ": build the runtime first (mvn package)");
        }
        return jars;
    }

    static List<Path> jarsIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + folder + ": " + e.getMessage());
        }
    }
}
