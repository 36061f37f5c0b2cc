package io.probehost.driver.pemicro.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.probe.WireProtocol;

/**
 * What {@code driver:install pemicro} / {@code driver:uninstall pemicro} does to the process, 200
 * times: each cycle defines the driver's classes in a class loader of their own (as a new bundle
 * revision has), activates the component as DS would, loads the native library, lists, opens,
 * connects and closes a probe, then deactivates it. Afterwards no copy of the library stays mapped,
 * no socket or thread is left, and every cycle's class loader can be collected.
 */
class InstallCyclesTest {
    private static final int CYCLES = 200;
    private static final String PACKAGE = PeMicroDriver.class.getPackageName();

    @TempDir
    Path folder;

    @Test
    void twoHundredInstallCyclesLeaveNoLibraryLoaderSocketOrThread() throws Exception {
        try (StandInBench bench = new StandInBench(folder)) {
            cycle(bench); // JNA's own one-time set-up (jnidispatch, its cleaner thread) happens here
            awaitNoConnections(bench);
            Set<String> threadsBefore = threadNames();
            long socketsBefore = openSockets();
            List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
            for (int i = 0; i < CYCLES; i++) {
                loaders.add(cycle(bench));
            }

            assertFalse(mapped(bench.library), "the library is unloaded after the last uninstall");
            awaitNoConnections(bench);
            assertEquals(0, bench.lab.connectionCount(), "every stand-in load closed its lab connection");
            assertEquals(socketsBefore, openSockets(), "no socket descriptor left open");
            Set<String> threadsAfter = threadNames();
            threadsAfter.removeAll(threadsBefore);
            assertTrue(threadsAfter.stream().noneMatch(name -> !name.startsWith("pemicro-lab")),
                    "threads left: " + threadsAfter);
            for (int attempt = 0; attempt < 20 && loaders.stream().anyMatch(ref -> ref.get() != null); attempt++) {
                System.gc();
                Thread.sleep(50);
            }
            long alive = loaders.stream().filter(ref -> ref.get() != null).count();
            assertEquals(0, alive, "class loaders of uninstalled driver revisions still reachable");
            assertFalse(bench.multilink.isOpen());
        }
    }

    /** One install, use and uninstall; returns the revision's class loader, weakly. */
    private static WeakReference<ClassLoader> cycle(StandInBench bench) throws Exception {
        ClassLoader revision = new RevisionLoader(InstallCyclesTest.class.getClassLoader());
        Class<?> driverClass = revision.loadClass(PeMicroDriver.class.getName());
        Class<?> configClass = revision.loadClass(PeMicroDriver.Config.class.getName());
        Object config = Proxy.newProxyInstance(revision, new Class<?>[] {configClass}, (proxy, method, args) ->
                method.getName().equals("library_path") ? bench.library.toString() : null);
        Object driver = driverClass.getConstructor(configClass).newInstance(config);
        @SuppressWarnings("unchecked")
        List<ProbeDescription> probes = (List<ProbeDescription>) driverClass.getMethod("probes").invoke(driver);
        assertEquals(1, probes.size());
        assertTrue(mapped(bench.library), "the library is loaded while the driver runs");
        try (DebugProbe probe = (DebugProbe) driverClass.getMethod("open", ProbeDescription.class,
                SessionOptions.class).invoke(driver, probes.get(0), SessionOptions.defaults())) {
            probe.connect(WireProtocol.SWD);
        }
        Method deactivate = driverClass.getDeclaredMethod("deactivate");
        deactivate.setAccessible(true);
        deactivate.invoke(driver);
        return new WeakReference<>(revision);
    }

    /** Whether the process maps the file: after {@code dlclose} of the last handle it does not. */
    private static boolean mapped(Path library) throws IOException {
        String path = library.toRealPath().toString();
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/maps"))) {
            return lines.anyMatch(line -> line.endsWith(path));
        }
    }

    private static long openSockets() throws IOException {
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            return descriptors.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().startsWith("socket:");
                } catch (IOException gone) {
                    return false;
                }
            }).count();
        }
    }

    private static Set<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .collect(Collectors.toSet());
    }

    /** The lab notices a closed connection on its own thread; waits for it, at most a few seconds. */
    private static void awaitNoConnections(StandInBench bench) throws InterruptedException {
        for (int i = 0; i < 200 && bench.lab.connectionCount() > 0; i++) {
            Thread.sleep(20);
        }
    }

    /** The driver's package defined afresh from the class files; everything else from the parent. */
    private static final class RevisionLoader extends ClassLoader {
        RevisionLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (!name.startsWith(PACKAGE + ".") || name.contains("Test") || name.contains("StandInBench")) {
                    return super.loadClass(name, resolve);
                }
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    String resource = name.replace('.', '/') + ".class";
                    try (InputStream in = getParent().getResourceAsStream(resource)) {
                        if (in == null) {
                            throw new ClassNotFoundException(name);
                        }
                        byte[] bytes = in.readAllBytes();
                        loaded = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }
    }
}
