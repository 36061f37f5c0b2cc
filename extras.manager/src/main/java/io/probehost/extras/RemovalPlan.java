package io.probehost.extras;

import java.util.List;

/**
 * What removing an extra takes away and what it keeps, as {@code symbolic-name version}.
 *
 * @param extra    the extra's name
 * @param removed  bundles uninstalled
 * @param kept     bundles the extra brought that other bundles still use
 */
public record RemovalPlan(String extra, List<String> removed, List<String> kept) {
    public RemovalPlan {
        removed = List.copyOf(removed);
        kept = List.copyOf(kept);
    }
}
