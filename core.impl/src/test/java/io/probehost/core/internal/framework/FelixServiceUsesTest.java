package io.probehost.core.internal.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;

/** Against the Felix the runtime ships: the defect the sweeper works around, and the sweep. */
class FelixServiceUsesTest {
    @TempDir
    Path storage;

    private Framework framework;

    @BeforeEach
    void startFramework() throws Exception {
        framework = new FrameworkFactory().newFramework(Map.of(Constants.FRAMEWORK_STORAGE, storage.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.start();
    }

    @AfterEach
    void stopFramework() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
    }

    @Test
    void anUninstalledBundleThatUsedAServiceStaysRecordedUntilSwept() throws Exception {
        BundleContext system = framework.getBundleContext();
        system.registerService(Runnable.class, () -> { }, null);
        Bundle user = system.installBundle("test:user", emptyBundle("test.user"));
        user.start();
        BundleContext userContext = user.getBundleContext();
        ServiceReference<Runnable> reference = userContext.getServiceReference(Runnable.class);
        userContext.getService(reference);
        userContext.ungetService(reference);
        user.uninstall();

        FelixServiceUses uses = FelixServiceUses.of(framework).orElseThrow();
        assertTrue(uses.records(user), "Felix keeps the released use of an uninstalled bundle (if this fails, "
                + "Felix fixed it and the sweeper can go)");
        assertEquals(1, uses.forgetUninstalled());
        assertFalse(uses.records(user));
    }

    @Test
    void installedBundlesKeepTheirRecords() throws Exception {
        BundleContext system = framework.getBundleContext();
        system.registerService(Runnable.class, () -> { }, null);
        Bundle user = system.installBundle("test:user", emptyBundle("test.user"));
        user.start();
        BundleContext userContext = user.getBundleContext();
        userContext.getService(userContext.getServiceReference(Runnable.class));

        FelixServiceUses uses = FelixServiceUses.of(framework).orElseThrow();
        assertEquals(0, uses.forgetUninstalled());
        assertTrue(uses.records(user));
    }

    @Test
    void theSweeperDropsTheRecordWhenTheBundleIsUninstalled() throws Exception {
        BundleContext system = framework.getBundleContext();
        UninstalledBundleSweeper sweeper = new UninstalledBundleSweeper(system);
        assertTrue(sweeper.active());
        system.registerService(Runnable.class, () -> { }, null);
        Bundle user = system.installBundle("test:user", emptyBundle("test.user"));
        user.start();
        BundleContext userContext = user.getBundleContext();
        userContext.getService(userContext.getServiceReference(Runnable.class));
        user.uninstall();

        assertFalse(FelixServiceUses.of(framework).orElseThrow().records(user));
        sweeper.deactivate();
    }

    private static ByteArrayInputStream emptyBundle(String symbolicName) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        main.putValue(Constants.BUNDLE_SYMBOLICNAME, symbolicName);
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        new JarOutputStream(jar, manifest).close();
        return new ByteArrayInputStream(jar.toByteArray());
    }
}
