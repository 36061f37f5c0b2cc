package io.probehost.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleException;

class BundleOperationsTest {

    @Test
    void missingPackageIsNamed() {
        var error = new BundleException("Unable to resolve io.x [23](R 23.0): missing requirement [io.x [23](R 23.0)] "
                + "osgi.wiring.package; (&(osgi.wiring.package=com.nowhere.missing)(version>=1.0.0)(!(version>=2.0.0)))"
                + " Unresolved requirements: [[io.x [23](R 23.0)] osgi.wiring.package; ...]");
        assertEquals("it needs package com.nowhere.missing, which no installed bundle exports",
                BundleOperations.explain(error));
    }

    @Test
    void otherFailuresKeepTheirFirstLine() {
        assertEquals("Activator start error", BundleOperations.explain(new BundleException("Activator start error\nmore")));
    }
}
