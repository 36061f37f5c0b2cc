package io.probehost.itest;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.ops4j.pax.exam.Option;

/** Pax Exam options that boot exactly the bundle set the runtime ships (the export of a .bndrun). */
final class ShippedRuntime {
    private static final String HTTP_SERVER = "org.apache.felix.http.jetty-";

    private ShippedRuntime() {
    }

    static Path runtimeFolder() {
        return Path.of(System.getProperty("probehost.runtime", "../runtime/target")).toAbsolutePath().normalize();
    }

    static Path testDriverJar() {
        return Path.of(System.getProperty("probehost.testDriver")).toAbsolutePath().normalize();
    }

    /** The index of the test-only repository: the test extra, whose JNA comes from the runtime's own repository. */
    static Path testExtrasIndex() {
        return Path.of(System.getProperty("probehost.testExtras")).toAbsolutePath().normalize();
    }

    /** A program of the top folder's {@code examples/}. */
    static String example(String name) {
        return Path.of(System.getProperty("probehost.top", "..")).toAbsolutePath().normalize().resolve("examples")
                .resolve(name).toString();
    }

    /** The driver repository the runtime ships. */
    static Path shippedExtrasIndex() {
        return runtimeFolder().resolve("extras").resolve("index.xml");
    }

    /** The sim bundle set with a fresh state folder (the lab's flash and the framework's data) named from {@code prefix}. */
    static Option[] simWithFreshState(String prefix) throws IOException {
        Path state = Files.createTempDirectory(prefix);
        return options("sim", frameworkProperty("probehost.state").value(state.toString()));
    }

    static Option[] options(String bndrun, Option... extra) {
        Path folder = runtimeFolder().resolve("export").resolve(bndrun);
        List<Option> options = new ArrayList<>();
        try (Stream<Path> jars = Files.list(folder)) {
            // The line editor and the console on it are for a terminal only; the launcher never starts them for scripts either.
            jars.filter(p -> p.toString().endsWith(".jar"))
                    .filter(p -> !p.getFileName().toString().startsWith("org.apache.felix.gogo.jline"))
                    .filter(p -> !p.getFileName().toString().startsWith("console-"))
                    .sorted().forEach(jar -> options.add(jar.getFileName().toString().startsWith(HTTP_SERVER)
                            // Installed, not started: the launcher starts it only for serve --http.
                            ? bundle(jar.toUri().toString()).noStart() : bundle(jar.toUri().toString())));
        } catch (IOException e) {
            throw new UncheckedIOException("the runtime is not built: " + folder, e);
        }
        options.add(junitBundles());
        options.add(cleanCaches());
        options.add(systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"));
        options.add(frameworkProperty("felix.fileinstall.dir").value(
                runtimeFolder().resolve("itest-deploy-" + bndrun).toString()));
        options.add(frameworkProperty("probehost.options.file").value(
                runtimeFolder().resolve("itest-probehost.yaml").toString()));
        options.addAll(List.of(extra));
        return options.toArray(Option[]::new);
    }
}
