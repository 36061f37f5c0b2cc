package io.probehost.core.internal.framework;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.Bundle;

/**
 * Apache Felix's record of which bundle uses which service (its service registry's "in use" map),
 * reached reflectively because the framework exports no API for it.
 *
 * <p>Felix 7.0.5 keeps a bundle's entry for a singleton service after the bundle has released the
 * service (a use count of 0), and does not drop it when the bundle stops or is uninstalled; only
 * unregistering that service removes it. Declarative Services gets services through the component
 * bundle's own context (Configuration Admin for every component that does not ignore configuration,
 * and every singleton reference), so each uninstalled DS bundle would stay reachable from the map
 * for the life of the runtime, with its revision, archive and jar entries. {@link #forgetUninstalled()}
 * drops those entries: an uninstalled bundle's context is invalid, so it can use no service again.
 */
final class FelixServiceUses {
    private final Map<?, ?> inUse;

    private FelixServiceUses(Map<?, ?> inUse) {
        this.inUse = inUse;
    }

    /** The map of the framework the system bundle belongs to; empty when that is not Felix as we know it. */
    static Optional<FelixServiceUses> of(Bundle systemBundle) {
        try {
            Object registry = read(systemBundle, "m_registry");
            Object inUse = registry == null ? null : read(registry, "m_inUseMap");
            return inUse instanceof Map<?, ?> map ? Optional.of(new FelixServiceUses(map)) : Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException notFelix) {
            return Optional.empty();
        }
    }

    /** Drops the entries of uninstalled bundles; returns how many there were. */
    int forgetUninstalled() {
        int before = inUse.size();
        inUse.keySet().removeIf(user -> user instanceof Bundle bundle && bundle.getState() == Bundle.UNINSTALLED);
        return Math.max(0, before - inUse.size());
    }

    /** Whether the framework still records a use by this bundle. */
    boolean records(Bundle bundle) {
        return inUse.containsKey(bundle);
    }

    private static Object read(Object owner, String fieldName) throws ReflectiveOperationException {
        for (Class<?> type = owner.getClass(); type != null; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.getName().equals(fieldName)) {
                    field.setAccessible(true);
                    return field.get(owner);
                }
            }
        }
        throw new NoSuchFieldException(owner.getClass().getName() + "." + fieldName);
    }
}
