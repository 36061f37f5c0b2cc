package io.probehost.itest;

import static io.probehost.itest.ExtrasRuntime.EXTRA;
import static io.probehost.itest.ExtrasRuntime.JNA;
import static io.probehost.itest.ExtrasRuntime.find;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Driver extras in a running runtime: listed from two repositories, installed by name with the
 * JNA bundle they need (their probe driver appears at once), removed with what nothing else uses.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DriverExtrasIT {
    @Inject
    CommandProcessor processor;

    @Inject
    BundleContext context;

    private Shell shell;

    @Configuration
    public Option[] configuration() {
        return ExtrasRuntime.options("itest-extras-state");
    }

    @Before
    public void addTheShippedRepository() throws Exception {
        shell = new Shell(processor);
        shell.run("driver:repo-add " + ShippedRuntime.shippedExtrasIndex());
    }

    @After
    public void removeWhatATestLeft() throws Exception {
        if (find(context, EXTRA) != null) {
            shell.run("driver:uninstall testextra");
        }
        Bundle jna = find(context, JNA);
        if (jna != null) {
            jna.uninstall();
            refresh(List.of(jna));
        }
    }

    @Test
    public void availableListsTheExtraOfEveryRepository() throws Exception {
        assertTrue(shell.run("driver:repo-list").contains(ShippedRuntime.shippedExtrasIndex().toUri().toString()));

        String available = shell.run("driver:available");

        assertTrue(available, available.matches("(?s).*testextra\\s+1\\.0\\.0\\s+no\\s+" + EXTRA + ".*"));
        assertTrue("the shipped repository offers the PE Micro driver: " + available,
                available.matches("(?s).*pemicro\\s+\\S+\\s+no\\s+io\\.probehost\\.driver\\.pemicro\\s+"
                        + ShippedRuntime.shippedExtrasIndex().toUri() + ".*"));
    }

    @Test
    public void installByNameAddsJnaAndTheDriverWhoseProbeAppearsAtOnce() throws Exception {
        String plan = shell.run("driver:install --dry-run testextra");
        assertTrue(plan, plan.contains("install  " + JNA + " 5.17.0") && plan.contains("install  " + EXTRA + " 1.0.0"));
        assertNull("a dry run installs nothing", find(context, JNA));

        String installed = shell.run("driver:install testextra");

        assertTrue(installed, installed.contains("Probe drivers now available: jnaprobe"));
        assertEquals(Bundle.ACTIVE, find(context, EXTRA).getState());
        assertNotNull(find(context, JNA));
        assertTrue(shell.run("probe:list").contains("JNA" + ProcessHandle.current().pid()));
        assertTrue(shell.run("driver:available").matches("(?s).*testextra\\s+1\\.0\\.0\\s+yes.*"));

        String removed = shell.run("driver:uninstall testextra");

        assertTrue(removed, removed.contains("removed  " + EXTRA) && removed.contains("removed  " + JNA));
        assertNull(find(context, EXTRA));
        assertNull(find(context, JNA));
        assertFalse(shell.run("driver:list").contains("jnaprobe"));
    }

    @Test
    public void jnaStaysWhenAnotherBundleIsWiredToIt() throws Exception {
        shell.run("driver:install testextra");
        // JLine imports JNA optionally: refreshed now that JNA is there, it wires to it, as it does after a restart.
        Bundle jline = find(context, "org.jline");
        refresh(List.of(jline));
        Bundle jna = find(context, JNA);
        assertTrue("JLine is wired to JNA", jna.adapt(BundleWiring.class).getProvidedWires(null).stream()
                .map(BundleWire::getRequirer).anyMatch(r -> r.getBundle().equals(jline)));

        String removed = shell.run("driver:uninstall testextra");

        assertTrue(removed, removed.contains("removed  " + EXTRA) && removed.contains("kept     " + JNA + " 5.17.0"));
        assertNull(find(context, EXTRA));
        assertEquals(Bundle.ACTIVE, jna.getState());
    }

    @Test
    public void missingRequirementFailsWithOneLineNamingItAndChangesNothing() throws Exception {
        shell.run("driver:repo-remove " + ShippedRuntime.shippedExtrasIndex());
        int bundles = context.getBundles().length;

        String failure = shell.fail("driver:install testextra");

        assertEquals("cannot install testextra: nothing installed or in the repositories provides package "
                + "com.sun.jna [5.17.0,6.0.0) (needed by " + EXTRA + " 1.0.0)", failure);
        assertEquals(bundles, context.getBundles().length);
        assertNull(find(context, EXTRA));
    }

    @Test
    public void jarByPathStillInstallsAsBefore() throws Exception {
        String installed = shell.run("driver:install " + ShippedRuntime.testDriverJar());
        assertTrue(installed, installed.contains("driver testprobe"));
        shell.run("driver:uninstall testprobe");
        assertNull(find(context, "io.probehost.itest.driver"));
    }

    private void refresh(List<Bundle> bundles) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class)
                .refreshBundles(bundles, event -> done.countDown());
        assertTrue("refresh finished", done.await(60, TimeUnit.SECONDS));
    }
}
