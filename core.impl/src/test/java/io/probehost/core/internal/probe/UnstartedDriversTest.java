package io.probehost.core.internal.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.FrameworkWiring;

import io.probehost.api.host.ProbeListing;
import io.probehost.core.internal.TestFelix;

/** Driver bundles that registered no driver, in a real Felix: each one row, naming what it lacks. */
class UnstartedDriversTest {
    private static final String DRIVER_CAPABILITY =
            "osgi.service;objectClass:List<String>=\"io.probehost.api.option.OptionProvider,"
                    + "io.probehost.api.probe.ProbeDriver\"";

    @TempDir
    Path storage;

    private Framework framework;
    private UnstartedDrivers unstarted;

    @BeforeEach
    void startFramework() throws Exception {
        framework = TestFelix.start(storage);
        unstarted = new UnstartedDrivers(framework.getBundleContext(), Optional::empty);
    }

    @AfterEach
    void stopFramework() throws Exception {
        TestFelix.stop(framework);
    }

    @Test
    void anUnresolvedDriverBundleNamesThePackageNothingProvides() throws Exception {
        install("test.driver.jna", DRIVER_CAPABILITY, "com.sun.jna;version=\"[5.13,6)\",org.osgi.framework");
        assertEquals(List.of(new ProbeListing.DriverError("test.driver.jna", "bundle test.driver.jna 1.0.0 is not "
                + "resolved: nothing installed provides package com.sun.jna")), unstarted.find(Set.of()));
    }

    @Test
    void aResolvedDriverBundleThatDidNotStartIsReported() throws Exception {
        Bundle driver = install("test.driver.stopped", DRIVER_CAPABILITY, null);
        framework.adapt(FrameworkWiring.class).resolveBundles(List.of(driver));
        assertEquals(Bundle.RESOLVED, driver.getState());
        assertEquals(List.of("bundle test.driver.stopped 1.0.0 is resolved but not started (driver:update or a "
                + "restart starts it again)"), messages(unstarted.find(Set.of())));
    }

    @Test
    void bundlesThatProvideNoDriverAndDriversThatRegisteredAreLeftOut() throws Exception {
        install("test.library", null, "com.nowhere.missing");
        Bundle registered = install("test.driver.fine", DRIVER_CAPABILITY, null);
        assertEquals(List.of(), unstarted.find(Set.of(registered.getBundleId())));
    }

    @Test
    void aComponentsFailureLosesTheExceptionsClassName() {
        assertEquals("no PE Micro library: cannot load unitacmp-64.so", UnstartedDrivers.firstLine(
                "io.probehost.api.ProbeException: no PE Micro library: cannot load unitacmp-64.so\n\tat x.y(Z.java:1)"));
        assertEquals("no reason given", UnstartedDrivers.firstLine(null));
    }

    private static List<String> messages(List<ProbeListing.DriverError> errors) {
        return errors.stream().map(ProbeListing.DriverError::message).toList();
    }

    private Bundle install(String symbolicName, String provides, String imports) throws Exception {
        Map<String, String> headers = new HashMap<>(Map.of(Constants.BUNDLE_SYMBOLICNAME, symbolicName,
                Constants.BUNDLE_VERSION, "1.0.0"));
        if (provides != null) {
            headers.put(Constants.PROVIDE_CAPABILITY, provides);
        }
        if (imports != null) {
            headers.put(Constants.IMPORT_PACKAGE, imports);
        }
        return framework.getBundleContext().installBundle("test:" + symbolicName, TestFelix.bundle(headers));
    }
}
