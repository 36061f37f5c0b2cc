package io.probehost.extras;

import java.net.URI;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Lists, installs and removes driver extras from the configured repositories (OSGi Repository
 * indexes). Failures are {@link io.probehost.api.ProbeException}s with one line a user can act on;
 * a failed install changes nothing.
 */
@ProviderType
public interface ExtrasManager {
    /** The index files consulted, in order: the runtime's own first, then those added. */
    List<URI> repositories();

    /**
     * Adds an index that every later command consults, kept across restarts; it is read first, so
     * an unreadable one is refused. Returns the index's URI.
     *
     * @param urlOrPath a URL, an index file, or a folder holding {@code index.xml}
     */
    URI addRepository(String urlOrPath);

    /** Removes an added index (as {@link #addRepository} takes it); the runtime's own cannot be removed. */
    URI removeRepository(String urlOrPath);

    /** Every extra the repositories offer, by name then newest version first. */
    List<Extra> available();

    /** What installing the extra would add and reuse, without changing anything. */
    InstallPlan plan(String name);

    /** Resolves the extra, installs and starts what is missing; returns what it did. */
    InstallPlan install(String name);

    /** Whether {@code name} is an installed extra (so {@link #uninstall} applies). */
    boolean isInstalled(String name);

    /** Removes the extra and whatever it brought that nothing else uses; returns what it did. */
    RemovalPlan uninstall(String name);
}
