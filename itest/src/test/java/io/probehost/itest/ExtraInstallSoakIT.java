package io.probehost.itest;

import static io.probehost.itest.ExtrasRuntime.EXTRA;
import static io.probehost.itest.ExtrasRuntime.JNA;
import static io.probehost.itest.ExtrasRuntime.find;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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

/**
 * {@code driver:install testextra} and {@code driver:uninstall testextra} 200 times in one
 * runtime. Each cycle installs JNA and the driver, whose activation loads JNA's native dispatch
 * library and opens libc, and removes both. Afterwards every uninstalled bundle, revision and
 * class loader can be collected, no thread of the cycles is left, and no copy of the native
 * dispatch library stays mapped.
 * <p>
 * Each JNA class loader starts a "JNA Cleaner" thread that lingers 30 s after its last cleanup
 * before it ends (JNA's {@code Cleaner}), holding that JNA class loader until then: the test waits
 * for those threads to end on their own, then checks that everything is gone.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ExtraInstallSoakIT {
    private static final int CYCLES = 200;
    private static final String JNA_CLEANER = "JNA Cleaner";
    /** JNA's cleaner thread lingers 30 s; this leaves it room on a loaded machine. */
    private static final long JNA_CLEANER_END_WAIT_MILLIS = 90_000;

    @Inject
    CommandProcessor processor;

    @Inject
    BundleContext context;

    @Configuration
    public Option[] configuration() {
        return ExtrasRuntime.options("itest-extras-soak-state");
    }

    @Test
    public void twoHundredInstallUninstallCyclesLeaveNoClassLoaderThreadOrNativeLibraryBehind() throws Exception {
        Shell shell = new Shell(processor);
        shell.run("driver:repo-add " + ShippedRuntime.shippedExtrasIndex());
        String probe = "JNA" + ProcessHandle.current().pid();
        Set<Long> threadsBefore = threadIds();
        List<WeakReference<Object>> uninstalled = new ArrayList<>();
        for (int i = 0; i < CYCLES; i++) {
            shell.run("driver:install testextra");
            assertTrue(shell.run("probe:list").contains(probe));
            if (i == 0) {
                assertTrue("JNA's native dispatch library is mapped while the extra is installed",
                        !mappedNow().isEmpty());
            }
            uninstalled.addAll(Leaks.of(find(context, EXTRA)));
            uninstalled.addAll(Leaks.of(find(context, JNA)));
            shell.run("driver:uninstall testextra");
            assertNull(find(context, EXTRA));
            assertNull(find(context, JNA));
        }

        long lingering = awaitJnaCleanersEnding(threadsBefore);
        int reachable = Leaks.stillReachable(uninstalled);
        List<String> newThreadNames = newThreads(threadsBefore).stream().map(Thread::getName).toList();
        List<String> dispatchMappings = nativeDispatchMappings();
        System.out.printf("%d extra install/uninstall cycles: %d of %d bundles, revisions and class loaders still "
                + "reachable; %d JNA cleaner threads were still lingering after the cycles; threads left %s; jnidispatch "
                + "copies mapped: %s%n", CYCLES, reachable, uninstalled.size(), lingering, newThreadNames, dispatchMappings);
        assertEquals("uninstalled bundles, revisions or class loaders still reachable", 0, reachable);
        assertEquals("threads left by the cycles", List.of(), newThreadNames);
        assertEquals("copies of JNA's native dispatch library still mapped", List.of(), dispatchMappings);
    }

    /** Waits for the JNA cleaner threads the cycles started to end; returns how many had not ended yet. */
    private static long awaitJnaCleanersEnding(Set<Long> threadsBefore) throws InterruptedException {
        List<Thread> cleaners = newThreads(threadsBefore).stream().filter(t -> JNA_CLEANER.equals(t.getName())).toList();
        long deadline = System.currentTimeMillis() + JNA_CLEANER_END_WAIT_MILLIS;
        for (Thread cleaner : cleaners) {
            cleaner.join(Math.max(1, deadline - System.currentTimeMillis()));
        }
        return cleaners.size();
    }

    private static List<Thread> newThreads(Set<Long> threadsBefore) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !threadsBefore.contains(t.getId())).toList();
    }

    private static List<String> mappedNow() throws IOException {
        try (Stream<String> maps = Files.lines(Path.of("/proc/self/maps"))) {
            // address perms offset dev inode path: the path is everything from the sixth field on
            return maps.map(line -> line.split("\\s+", 6)).filter(fields -> fields.length == 6)
                    .map(fields -> fields[5]).filter(path -> path.contains("jnidispatch") || path.contains("/jna"))
                    .distinct().toList();
        }
    }

    private static Set<Long> threadIds() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getId).collect(Collectors.toSet());
    }

    /**
     * Files of JNA's native dispatch library still mapped into this process (Linux). The JVM unloads
     * a class loader's libraries on a cleaner thread after the loader is collected, so this collects
     * and looks again a few times before it answers.
     */
    private static List<String> nativeDispatchMappings() throws IOException, InterruptedException {
        List<String> mapped = List.of();
        for (int attempt = 0; attempt < 30; attempt++) {
            mapped = mappedNow();
            if (mapped.isEmpty()) {
                break;
            }
            System.gc();
            Thread.sleep(50);
        }
        return mapped;
    }
}
