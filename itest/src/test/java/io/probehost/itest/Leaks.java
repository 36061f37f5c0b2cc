package io.probehost.itest;

import java.lang.ref.WeakReference;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;

/** Leak checks on what an uninstall must free: weak references that a collection has to clear. */
final class Leaks {
    private static final int GC_ATTEMPTS = 30;

    private Leaks() {
    }

    /** Weak references to a resolved bundle, its revision and its class loader; take them before the uninstall. */
    static List<WeakReference<Object>> of(Bundle bundle) {
        return List.of(new WeakReference<>(bundle), new WeakReference<>(bundle.adapt(BundleRevision.class)),
                new WeakReference<>(bundle.adapt(BundleWiring.class).getClassLoader()));
    }

    /** Collects garbage until every reference is cleared or the attempts run out; returns how many are not. */
    static int stillReachable(List<WeakReference<Object>> references) throws InterruptedException {
        for (int attempt = 0; attempt < GC_ATTEMPTS && count(references) > 0; attempt++) {
            System.gc();
            Thread.sleep(50);
        }
        return count(references);
    }

    private static int count(List<WeakReference<Object>> references) {
        return (int) references.stream().filter(r -> r.get() != null).count();
    }
}
