package io.probehost.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Waits, at start-up, until the deploy folder's watcher has caught up: every jar in the folder is
 * installed and no installed bundle's jar has gone. A one-shot command then sees the same drivers
 * and packs as a long-running shell.
 */
final class DeployFolderSync {
    private final BundleContext context;
    private final Path folder;

    DeployFolderSync(BundleContext context, Path folder) {
        this.context = context;
        this.folder = folder;
    }

    void awaitSettled(long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!settled() && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    boolean settled() {
        Set<String> jars = new HashSet<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(p -> p.toString().endsWith(".jar"))
                        .forEach(p -> jars.add(p.toAbsolutePath().normalize().toUri().getPath()));
            } catch (IOException e) {
                return true;
            }
        }
        Set<String> deployed = new HashSet<>();
        String prefix = folder.toAbsolutePath().normalize().toUri().getPath();
        for (Bundle bundle : context.getBundles()) {
            String location = bundle.getLocation();
            int at = location.indexOf(prefix);
            if (at >= 0 && !location.startsWith(FrameworkHost.LOCATION_PREFIX)) {
                deployed.add(location.substring(at));
            }
        }
        return deployed.equals(jars);
    }
}
