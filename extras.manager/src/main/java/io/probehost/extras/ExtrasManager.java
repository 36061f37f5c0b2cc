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

    /** Adds an index (file or URL) that every later command consults; kept across restarts. */
    void addRepository(URI index);

    /** Removes an added index; the runtime's own cannot be removed. */
    void removeRepository(URI index);

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
