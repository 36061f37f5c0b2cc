package io.probehost.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

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
import org.osgi.framework.wiring.BundleWiring;

/**
 * The PE Micro add-on installed and removed 200 times in one running runtime, each time loading its
 * native library (the lab's stand-in, through JNA's own bundle): afterwards the library is no longer
 * mapped, and no uninstalled driver bundle or class loader is reachable.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PeMicroInstallCycleIT {
    private static final int CYCLES = 200;
    private static final int GC_ATTEMPTS = 30;
    /** The stand-in, copied where the driver is told to look (system property probehost.pemicro.library). */
    private static final Path LIBRARY = Path.of(System.getProperty("java.io.tmpdir"),
            "probehost-itest-pemicro-" + ProcessHandle.current().pid(), "unitacmp-64.so");

    @Inject
    CommandProcessor processor;

    @Inject
    BundleContext context;

    @Configuration
    public Option[] configuration() throws IOException {
        Files.createDirectories(LIBRARY.getParent());
        Files.copy(Path.of(System.getProperty("probehost.pemicro.standin")), LIBRARY,
                StandardCopyOption.REPLACE_EXISTING);
        return ShippedRuntime.options("probehost",
                bundle(Path.of(System.getProperty("probehost.jna")).toUri().toString()),
                systemProperty("probehost.pemicro.library").value(LIBRARY.toString()));
    }

    @Test
    public void twoHundredInstallsLeaveNoLibraryMappedAndNoDriverReachable() throws Exception {
        Shell shell = new Shell(processor);
        String jar = Path.of(System.getProperty("probehost.pemicro.driver")).toAbsolutePath().toString();
        List<WeakReference<Object>> uninstalled = new ArrayList<>();
        for (int i = 0; i < CYCLES; i++) {
            shell.run("driver:install " + jar);
            String drivers = shell.run("driver:list");
            assertTrue(drivers, drivers.contains("pemicro"));
            shell.run("probe:list");
            assertTrue("the driver loaded the library to list its probes", mapped());
            Bundle driver = installedDriver();
            uninstalled.add(new WeakReference<>(driver));
            uninstalled.add(new WeakReference<>(driver.adapt(BundleWiring.class).getClassLoader()));
            shell.run("driver:uninstall pemicro");
            assertEquals(Bundle.UNINSTALLED, driver.getState());
            assertFalse("uninstalling unloaded the library (cycle " + i + ")", mapped());
        }
        for (int attempt = 0; attempt < GC_ATTEMPTS && reachable(uninstalled) > 0; attempt++) {
            System.gc();
            Thread.sleep(50);
        }
        assertEquals("uninstalled PE Micro driver bundles or class loaders still reachable", 0, reachable(uninstalled));
    }

    private Bundle installedDriver() {
        for (Bundle bundle : context.getBundles()) {
            if ("io.probehost.driver.pemicro".equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("the PE Micro driver did not install");
    }

    private static boolean mapped() throws IOException {
        String path = LIBRARY.toRealPath().toString();
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/maps"))) {
            return lines.anyMatch(line -> line.endsWith(path));
        }
    }

    private static int reachable(List<WeakReference<Object>> references) {
        return (int) references.stream().filter(r -> r.get() != null).count();
    }
}
