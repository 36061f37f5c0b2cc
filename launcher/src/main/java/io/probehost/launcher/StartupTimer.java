package io.probehost.launcher;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;

/** With {@code PROBEHOST_TIMING=1}, prints how long each start-up phase took since the JVM started. */
final class StartupTimer {
    private final PrintStream err;
    private final boolean enabled;

    StartupTimer(PrintStream err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** With timing on, also marks each bundle as it finishes starting. */
    void watchBundles(org.osgi.framework.BundleContext context) {
        if (enabled) {
            context.addBundleListener(event -> {
                if (event.getType() == org.osgi.framework.BundleEvent.STARTED) {
                    mark("  " + event.getBundle().getSymbolicName());
                }
            });
        }
    }

    void mark(String phase) {
        if (enabled) {
            long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            err.printf("[timing] %-40s %5d ms after JVM start%n", phase, sinceJvmStart);
        }
    }
}
