package io.probehost.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.probehost.extras.Extra;
import io.probehost.extras.InstallPlan;
import io.probehost.extras.RemovalPlan;

class ExtrasTextTest {
    @Test
    void planListsWhatIsInstalledThenWhatIsReused() {
        InstallPlan plan = new InstallPlan("pemicro", List.of("com.sun.jna 5.17.0", "io.probehost.driver.pemicro 0.1.0"),
                List.of("io.probehost.core.api 0.1.0"));

        assertEquals("Plan for pemicro: 2 to install, 1 installed bundles reused\n"
                + "  install  com.sun.jna 5.17.0\n"
                + "  install  io.probehost.driver.pemicro 0.1.0\n"
                + "  reuse    io.probehost.core.api 0.1.0", ExtrasText.plan(plan, false));
        assertTrue(ExtrasText.plan(plan, true).startsWith("Installed pemicro: 2 bundles installed, 1 installed bundles "
                + "reused\n  install  com.sun.jna 5.17.0\n"));
    }

    @Test
    void removalListsWhatWentAndWhatOthersStillUse() {
        RemovalPlan plan = new RemovalPlan("pemicro", List.of("io.probehost.driver.pemicro 0.1.0"),
                List.of("com.sun.jna 5.17.0"));

        assertEquals("Uninstalled pemicro: 1 bundles removed, 1 kept because other bundles use them\n"
                + "  removed  io.probehost.driver.pemicro 0.1.0\n"
                + "  kept     com.sun.jna 5.17.0", ExtrasText.removal(plan));
    }

    @Test
    void availableIsATableOrSaysWhyItIsEmpty() {
        URI index = URI.create("file:/opt/probehost/extras/index.xml");
        String table = ExtrasText.available(List.of(new Extra("pemicro", "io.probehost.driver.pemicro", "0.1.0", index,
                false)), List.of(index));

        assertTrue(table.startsWith("  Extra     Version   Installed   Bundle"), table);
        assertTrue(table.contains("pemicro   0.1.0     no          io.probehost.driver.pemicro   " + index), table);
        assertEquals("The repositories offer no extras (1 searched)", ExtrasText.available(List.of(), List.of(index)));
        assertEquals("No driver repositories are configured (driver:repo-add URL adds one)",
                ExtrasText.available(List.of(), List.of()));
    }

    @Test
    void pathsAndUrlsAreJarsAndPlainWordsAreExtraNames() {
        assertTrue(DriverCommands.isLocation("https://example.com/driver.jar"));
        assertTrue(DriverCommands.isLocation("build/driver.jar"));
        assertTrue(DriverCommands.isLocation("driver.jar"));
        assertFalse(DriverCommands.isLocation("pemicro"));
    }
}
