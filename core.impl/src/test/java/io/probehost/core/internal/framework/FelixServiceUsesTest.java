package io.probehost.core.internal.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;

import io.probehost.core.internal.TestFelix;

/** Against the Felix the runtime ships: the defect the sweeper works around, and the sweep. */
class FelixServiceUsesTest {
    @TempDir
    Path storage;

    private Framework framework;

    @BeforeEach
    void startFramework() throws Exception {
        framework = TestFelix.start(storage);
    }

    @AfterEach
    void stopFramework() throws Exception {
        TestFelix.stop(framework);
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

    private static InputStream emptyBundle(String symbolicName) throws IOException {
        return TestFelix.bundle(Map.of(Constants.BUNDLE_SYMBOLICNAME, symbolicName));
    }
}
