package io.probehost.itest;

import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.lang.ref.WeakReference;
import java.lang.management.ManagementFactory;

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
 * Installing and removing a driver bundle many times must leave nothing behind: no threads, no
 * class loaders, no growth of the heap that survives garbage collection.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class InstallCycleLeakIT {
    private static final int CYCLES = 200;
    private static final long HEAP_NOISE_BYTES = 4L * 1024 * 1024;

    @Inject
    CommandProcessor processor;

    @Inject
    BundleContext context;

    @Configuration
    public Option[] configuration() {
        return ShippedRuntime.options("probehost");
    }

    @Test
    public void installUninstallCyclesLeaveNoThreadsClassLoadersOrHeap() throws Exception {
        Shell shell = new Shell(processor);
        String jar = ShippedRuntime.testDriverJar().toString();
        for (int i = 0; i < 10; i++) {
            cycle(shell, jar);
        }
        long heapBefore = usedHeapAfterGc();
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();

        WeakReference<ClassLoader> firstLoader = new WeakReference<>(installAndGetLoader(shell, jar));
        shell.run("driver:uninstall testprobe");
        for (int i = 1; i < CYCLES; i++) {
            cycle(shell, jar);
        }

        long heapAfter = usedHeapAfterGc();
        int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
        System.out.printf("%d install/uninstall cycles: heap %d -> %d bytes, threads %d -> %d%n", CYCLES,
                heapBefore, heapAfter, threadsBefore, threadsAfter);
        assertTrue("threads grew from " + threadsBefore + " to " + threadsAfter, threadsAfter <= threadsBefore);
        assertTrue("retained heap grew by " + (heapAfter - heapBefore) + " bytes",
                heapAfter - heapBefore < HEAP_NOISE_BYTES);
        assertNull("the class loader of the first installed driver is still reachable", firstLoader.get());
    }

    private void cycle(Shell shell, String jar) throws Exception {
        shell.run("driver:install " + jar);
        assertTrue(shell.run("probe:list").contains("TP0001ABCD"));
        shell.run("driver:uninstall testprobe");
    }

    private ClassLoader installAndGetLoader(Shell shell, String jar) throws Exception {
        shell.run("driver:install " + jar);
        for (Bundle bundle : context.getBundles()) {
            if ("io.probehost.itest.driver".equals(bundle.getSymbolicName())) {
                return bundle.loadClass("io.probehost.itest.driver.TestProbeDriver").getClassLoader();
            }
        }
        throw new AssertionError("the test driver did not install");
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            Runtime runtime = Runtime.getRuntime();
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
