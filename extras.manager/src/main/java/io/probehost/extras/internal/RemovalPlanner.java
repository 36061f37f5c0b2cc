package io.probehost.extras.internal;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * What removing an extra may take away: the extra's own bundles always, and of the dependencies
 * that extras brought in, those that no bundle outside the removal is wired to. Bundles a user
 * installed are never candidates.
 */
final class RemovalPlanner {
    private RemovalPlanner() {
    }

    /**
     * @param roots        the extra's own bundles, removed whatever uses them
     * @param dependencies bundles extras installed as dependencies, removed when nothing else needs them
     * @param requirersOf  the bundles wired to a bundle (importing from it or requiring it)
     * @return the bundles to uninstall
     */
    static <T> Set<T> removable(Collection<T> roots, Collection<T> dependencies,
            Function<T, Collection<T>> requirersOf) {
        Set<T> removal = new LinkedHashSet<>(roots);
        removal.addAll(dependencies);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (T candidate : Set.copyOf(removal)) {
                if (roots.contains(candidate)) {
                    continue;
                }
                for (T requirer : requirersOf.apply(candidate)) {
                    if (!requirer.equals(candidate) && !removal.contains(requirer)) {
                        removal.remove(candidate);
                        changed = true;
                        break;
                    }
                }
            }
        }
        return removal;
    }
}
