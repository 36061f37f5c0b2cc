package io.probehost.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Installing and removing a DS driver bundle many times leaves nothing of it behind: every
 * uninstalled bundle, its revision and its class loader (and with it any thread or object of the
 * driver's classes) can be garbage collected.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class InstallCycleLeakIT {
    private static final int CYCLES = 50;

    @Inject
    CommandProcessor processor;

    @Inject
    BundleContext context;

    @Configuration
    public Option[] configuration() {
        return ShippedRuntime.options("probehost");
    }

    @Test
    public void uninstalledDriversLeaveNoBundleRevisionOrClassLoaderReachable() throws Exception {
        Shell shell = new Shell(processor);
        String jar = ShippedRuntime.testDriverJar().toString();
        List<WeakReference<Object>> uninstalled = new ArrayList<>();
        for (int i = 0; i < CYCLES; i++) {
            uninstalled.addAll(cycle(shell, jar));
        }

        int reachable = Leaks.stillReachable(uninstalled);
        System.out.printf("%d install/uninstall cycles: %d of %d bundles, revisions and class loaders still reachable%n",
                CYCLES, reachable, uninstalled.size());
        assertEquals("uninstalled bundles, revisions or class loaders still reachable", 0, reachable);
    }

    /** One install, use and removal; returns weak references to what the removal must free. */
    private List<WeakReference<Object>> cycle(Shell shell, String jar) throws Exception {
        shell.run("driver:install " + jar);
        assertTrue(shell.run("probe:list").contains("TP0001ABCD"));
        Bundle driver = installedDriver();
        List<WeakReference<Object>> references = Leaks.of(driver);
        shell.run("driver:uninstall testprobe");
        assertEquals(Bundle.UNINSTALLED, driver.getState());
        return references;
    }

    private Bundle installedDriver() {
        for (Bundle bundle : context.getBundles()) {
            if ("io.probehost.itest.driver".equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("the test driver did not install");
    }
}
