package io.probehost.extras.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.felix.resolver.Logger;
import org.apache.felix.resolver.ResolverImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Version;
import org.osgi.resource.Capability;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;
import org.osgi.resource.Wiring;

import io.probehost.api.ProbeException;

/** Plans resolved by Felix's resolver (the one the framework registers) over hand-written indexes. */
class InstallPlannerTest {
    private static final String JNA_RANGE = "com.sun.jna;5.13.0;6.0.0";

    @TempDir
    Path folder;

    private final InstallPlanner planner = new InstallPlanner(new ResolverImpl(new Logger(Logger.LOG_ERROR), 1));

    @Test
    void driverComesWithTheNewestJnaOfTheIndex() throws Exception {
        IndexRepository repository = repository("drivers", new TestIndex()
                .bundle("io.probehost.driver.pemicro", "1.0.0", "pemicro.jar", List.of(), List.of(JNA_RANGE))
                .bundle("com.sun.jna", "5.15.0", "jna-5.15.0.jar", List.of("com.sun.jna"), List.of())
                .bundle("com.sun.jna", "5.17.0", "jna-5.17.0.jar", List.of("com.sun.jna"), List.of()));

        InstallPlanner.Plan plan = planner.plan("pemicro", List.of(repository), new Installed(List.of()));

        assertEquals(List.of("com.sun.jna 5.17.0", "io.probehost.driver.pemicro 1.0.0"), names(plan.added()));
        assertEquals(List.of(), plan.reused());
    }

    @Test
    void installedJnaIsReusedAndNotAddedAgain() throws Exception {
        IndexRepository installedBundles = repository("installed", new TestIndex()
                .bundle("com.sun.jna", "5.17.0", "jna.jar", List.of("com.sun.jna"), List.of()));
        IndexRepository repository = repository("drivers", new TestIndex()
                .bundle("io.probehost.driver.pemicro", "1.0.0", "pemicro.jar", List.of(), List.of(JNA_RANGE))
                .bundle("com.sun.jna", "5.17.0", "jna.jar", List.of("com.sun.jna"), List.of()));

        InstallPlanner.Plan plan = planner.plan("PEmicro", List.of(repository),
                new Installed(installedBundles.resources()));

        assertEquals(List.of("io.probehost.driver.pemicro 1.0.0"), names(plan.added()));
        assertEquals(List.<Resource>copyOf(installedBundles.resources()), plan.reused());
    }

    @Test
    void requirementFromAnotherRepositoryIsFound() throws Exception {
        IndexRepository drivers = repository("drivers", new TestIndex()
                .bundle("io.probehost.driver.pemicro", "1.0.0", "pemicro.jar", List.of(), List.of(JNA_RANGE)));
        IndexRepository libraries = repository("libraries", new TestIndex()
                .bundle("com.sun.jna", "5.17.0", "jna.jar", List.of("com.sun.jna"), List.of()));

        InstallPlanner.Plan plan = planner.plan("pemicro", List.of(drivers, libraries), new Installed(List.of()));

        assertEquals(List.of("com.sun.jna 5.17.0", "io.probehost.driver.pemicro 1.0.0"), names(plan.added()));
    }

    @Test
    void missingRequirementFailsWithOneLineNamingIt() throws Exception {
        IndexRepository repository = repository("drivers", new TestIndex()
                .bundle("io.probehost.driver.pemicro", "1.0.0", "pemicro.jar", List.of(), List.of(JNA_RANGE))
                .bundle("com.sun.jna", "5.9.0", "jna-old.jar", List.of("com.sun.jna"), List.of()));

        ProbeException failure = assertThrows(ProbeException.class,
                () -> planner.plan("pemicro", List.of(repository), new Installed(List.of())));

        assertEquals("cannot install pemicro: nothing installed or in the repositories provides package "
                + "com.sun.jna [5.13.0,6.0.0) (needed by io.probehost.driver.pemicro 1.0.0)", failure.getMessage());
    }

    @Test
    void unknownNameAndInstalledExtraAreRefused() throws Exception {
        IndexRepository repository = repository("drivers", new TestIndex()
                .bundle("io.probehost.driver.pemicro", "1.0.0", "pemicro.jar", List.of(), List.of()));

        assertEquals("no extra named 'jlink' in the repositories (driver:available lists them)",
                assertThrows(ProbeException.class,
                        () -> planner.plan("jlink", List.of(repository), new Installed(List.of()))).getMessage());
        assertEquals("pemicro is already installed (io.probehost.driver.pemicro 1.0.0)",
                assertThrows(ProbeException.class, () -> planner.plan("pemicro", List.of(repository),
                        new Installed(repository.resources()))).getMessage());
    }

    @Test
    void newestVersionOfAnExtraIsChosen() throws Exception {
        IndexRepository repository = repository("drivers", new TestIndex()
                .bundle("io.probehost.driver.pemicro", "1.0.0", "p1.jar", List.of(), List.of())
                .bundle("io.probehost.driver.pemicro", "1.10.0", "p10.jar", List.of(), List.of())
                .bundle("io.probehost.driver.pemicro", "1.9.0", "p9.jar", List.of(), List.of()));

        assertEquals(Version.valueOf("1.10.0"), InstallPlanner.find("pemicro", List.of(repository)).version());
    }

    private IndexRepository repository(String name, TestIndex index) throws Exception {
        URI uri = index.write(folder.resolve(name).resolve("index.xml")).toUri();
        return IndexRepository.read(uri);
    }

    private static List<String> names(List<? extends Resource> resources) {
        return resources.stream().map(Object::toString).toList();
    }

    /** Installed bundles stood in for by index resources; they have no wiring, so the resolver checks them too. */
    private record Installed(List<IndexResource> resources) implements InstalledState {
        @Override
        public List<Capability> providers(Requirement requirement) {
            return new ArrayList<>(new IndexRepository(URI.create("installed:/"), resources).findProviders(requirement));
        }

        @Override
        public boolean has(String symbolicName, Version version) {
            return resources.stream().anyMatch(r -> r.symbolicName().equals(symbolicName) && r.version().equals(version));
        }

        @Override
        public boolean isInstalled(Resource resource) {
            return resources.contains(resource);
        }

        @Override
        public Map<Resource, Wiring> wirings() {
            return Map.of();
        }
    }
}
