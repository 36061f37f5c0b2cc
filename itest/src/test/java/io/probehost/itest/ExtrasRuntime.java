package io.probehost.itest;

import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The shipped runtime with the test repository as its own and a fresh state folder, so the
 * runtime's repository is one added with driver:repo-add (and can be taken away again).
 */
final class ExtrasRuntime {
    static final String EXTRA = "io.probehost.itest.extra";
    static final String JNA = "com.sun.jna";

    private ExtrasRuntime() {
    }

    static Option[] options(String stateName) {
        Path state = ShippedRuntime.runtimeFolder().resolve(stateName);
        deleteTree(state);
        return ShippedRuntime.options("probehost",
                frameworkProperty("probehost.extras.repositories").value(ShippedRuntime.testExtrasIndex().toString()),
                frameworkProperty("probehost.state").value(state.toString()));
    }

    static Bundle find(BundleContext context, String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        return null;
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot clear " + folder + ": " + e.getMessage(), e);
        }
    }
}
