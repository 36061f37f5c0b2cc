package io.probehost.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;

import io.probehost.api.host.OptionRegistry;

/**
 * A driver bundle installed, updated and removed while the runtime runs, driven through the same
 * Gogo commands a user types.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class DriverLifecycleIT {

    @Inject
    CommandProcessor processor;

    @Inject
    OptionRegistry options;

    @Inject
    BundleContext context;

    private Shell shell;

    @Configuration
    public Option[] configuration() {
        return ShippedRuntime.options("probehost");
    }

    @Before
    public void openShell() {
        shell = new Shell(processor);
    }

    @Test
    public void probesOfAnInstalledDriverAppearAndGoWithItsBundle() throws Exception {
        assertEquals("No available debug probes are connected", shell.run("probe:list").trim());

        String installed = shell.run("driver:install " + ShippedRuntime.testDriverJar());
        assertTrue(installed, installed.startsWith("Installed io.probehost.itest.driver 1.0.0"));

        String listing = shell.run("probe:list");
        assertTrue(listing, listing.contains("Probehost Test Probe"));
        assertTrue(listing, listing.contains("TP0001ABCD"));
        assertTrue("the shipped Nordic pack knows this target: " + listing,
                listing.contains("\u2714\uFE0E nrf51822_xxaa"));
        assertTrue("no pack knows this one: " + listing, listing.contains("\u2716\uFE0E acme_widget"));
        assertTrue("the board line follows the probe: " + listing, listing.contains("Acme Test Board"));
        assertTrue("a probe without target shows n/a: " + listing, listing.contains("n/a"));
        assertTrue(options.find("testprobe.verbose").isPresent());

        String uninstalled = shell.run("driver:uninstall testprobe");
        assertTrue(uninstalled, uninstalled.startsWith("Uninstalled io.probehost.itest.driver"));
        assertEquals("No available debug probes are connected", shell.run("probe:list").trim());
        assertFalse("the driver's options go with it", options.find("testprobe.verbose").isPresent());
    }

    @Test
    public void updateChangesTheVersionDriverListShows() throws Exception {
        shell.run("driver:install " + ShippedRuntime.testDriverJar());
        assertTrue(shell.run("driver:list").contains("1.0.0"));

        Path newer = Jars.withVersion(ShippedRuntime.testDriverJar(),
                Files.createTempFile("testprobe-2", ".jar"), "2.0.0");
        String updated = shell.run("driver:update testprobe " + newer);
        assertTrue(updated, updated.startsWith("Updated io.probehost.itest.driver 2.0.0"));

        String drivers = shell.run("driver:list");
        assertTrue(drivers, drivers.contains("testprobe") && drivers.contains("2.0.0") && drivers.contains("ACTIVE"));
        assertFalse(drivers, drivers.contains("1.0.0"));
        assertTrue(shell.run("probe:list").contains("TP0002EF01"));
    }

    @Test
    public void badBundlesGetAClearLineAndLeaveTheRuntimeAsItWas() throws Exception {
        Path text = Files.writeString(Files.createTempFile("not-a-bundle", ".jar"), "hello");
        assertContains(shell.fail("driver:install " + text), "is not a jar file");

        Path unresolvable = Jars.withMissingImport(Files.createTempFile("unresolvable", ".jar"), "com.nowhere.missing");
        String error = shell.fail("driver:install " + unresolvable);
        assertTrue(error, error.contains("needs package com.nowhere.missing"));
        assertFalse("a bundle that cannot start is removed again",
                shell.run("lb -s").contains("io.probehost.itest.unresolvable"));

        assertContains(shell.fail("driver:uninstall nosuchdriver"), "no driver, bundle or bundle id 'nosuchdriver'");
        assertContains(shell.fail("driver:install /no/such/file.jar"), "no such file");
        assertEquals("No available debug probes are connected", shell.run("probe:list").trim());
    }

    @Test
    public void aDriverBundleThatCannotStartGetsItsOwnRowAndTheOtherDriversKeepTheirProbes() throws Exception {
        Bundle working = context.installBundle(ShippedRuntime.testDriverJar().toUri().toString());
        working.start();
        Path jar = Jars.withMissingImport(ShippedRuntime.testDriverJar(), Files.createTempFile("broken", ".jar"),
                "io.probehost.itest.broken", "com.nowhere.missing");
        Bundle broken = context.installBundle(jar.toUri().toString());
        try {
            assertThrows(BundleException.class, broken::start);
            String listing = shell.run("probe:list");
            assertTrue(listing, listing.contains("TP0001ABCD"));
            assertTrue(listing, Pattern.compile("(?m)^  !\\s+driver io\\.probehost\\.itest\\.broken\\s+error: bundle "
                    + "io\\.probehost\\.itest\\.broken 1\\.0\\.0 is not resolved: nothing installed provides package "
                    + "com\\.nowhere\\.missing").matcher(listing).find());
        } finally {
            broken.uninstall();
            working.uninstall();
        }
        assertEquals("No available debug probes are connected", shell.run("probe:list").trim());
    }

    static void assertContains(String text, String expected) {
        assertTrue("expected to find '" + expected + "' in: " + text, text != null && text.contains(expected));
    }
}
