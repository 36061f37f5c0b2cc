package io.probehost.extras;

import java.util.List;

/**
 * What installing an extra adds and what it reuses, as {@code symbolic-name version}.
 *
 * @param extra    the extra's name
 * @param added    bundles downloaded and installed, the driver last
 * @param reused   bundles already installed that the extra is wired to
 */
public record InstallPlan(String extra, List<String> added, List<String> reused) {
    public InstallPlan {
        added = List.copyOf(added);
        reused = List.copyOf(reused);
    }
}
