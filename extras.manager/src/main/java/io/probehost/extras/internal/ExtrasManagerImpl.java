package io.probehost.extras.internal;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.resource.Resource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.resolver.Resolver;

import io.probehost.api.ProbeException;
import io.probehost.extras.Extra;
import io.probehost.extras.ExtrasManager;
import io.probehost.extras.InstallPlan;
import io.probehost.extras.RemovalPlan;

/**
 * Extras in the running framework. Bundles it installs carry their provenance in their location:
 * {@code extra:NAME:URL} for an extra's driver, {@code extra-dependency:NAME:URL} for what it
 * brought in; the framework cache keeps them across restarts like any installed bundle.
 */
@Component(service = ExtrasManager.class)
public final class ExtrasManagerImpl implements ExtrasManager {
    static final String ROOT = "extra:";
    static final String DEPENDENCY = "extra-dependency:";
    private static final long REFRESH_TIMEOUT_SECONDS = 60;

    private final BundleContext context;
    private final FrameworkWiring wiring;
    private final InstallPlanner planner;
    private final RepositoryList repositories;

    @Activate
    public ExtrasManagerImpl(BundleContext context, @Reference Resolver resolver) {
        this.context = context;
        this.wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        this.planner = new InstallPlanner(resolver);
        this.repositories = RepositoryList.of(context.getProperty(RepositoryList.PROPERTY),
                context.getProperty("probehost.home"), context.getProperty("probehost.state"));
    }

    @Override
    public List<URI> repositories() {
        return repositories.all();
    }

    @Override
    public URI addRepository(String urlOrPath) {
        URI index = RepositoryList.toIndex(urlOrPath);
        IndexRepository.read(index);
        repositories.add(index);
        return index;
    }

    @Override
    public URI removeRepository(String urlOrPath) {
        URI index = RepositoryList.toIndex(urlOrPath);
        repositories.remove(index);
        return index;
    }

    @Override
    public List<Extra> available() {
        List<Extra> extras = new ArrayList<>();
        for (IndexRepository repository : read()) {
            for (IndexResource resource : repository.resources()) {
                resource.extraName().ifPresent(name -> extras.add(new Extra(name, resource.symbolicName(),
                        resource.version().toString(), repository.index(), hasBundle(resource.symbolicName()))));
            }
        }
        extras.sort(Comparator.comparing(Extra::name)
                .thenComparing(e -> Version.valueOf(e.version()), Comparator.reverseOrder()));
        return extras;
    }

    @Override
    public InstallPlan plan(String name) {
        return describe(planner.plan(name, read(), state()));
    }

    @Override
    public synchronized InstallPlan install(String name) {
        InstallPlanner.Plan plan = planner.plan(name, read(), state());
        String extra = plan.extra().extraName().orElse(name);
        List<Bundle> added = new ArrayList<>();
        try {
            for (IndexResource resource : plan.added()) {
                byte[] jar = ContentDownload.fetch(resource);
                String location = (resource == plan.extra() ? ROOT : DEPENDENCY) + extra + ":"
                        + resource.content().orElseThrow().url();
                added.add(context.installBundle(location, new ByteArrayInputStream(jar)));
            }
            if (!wiring.resolveBundles(added)) {
                throw new ProbeException("the framework does not resolve "
                        + added.stream().filter(b -> b.getState() == Bundle.INSTALLED).map(ExtrasManagerImpl::name).toList());
            }
            for (Bundle bundle : added) {
                if ((bundle.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) == 0) {
                    bundle.start();
                }
            }
        } catch (BundleException | RuntimeException e) {
            removeQuietly(added);
            throw new ProbeException("cannot install " + extra + ": " + IndexParser.firstLine(e.getMessage()), e);
        }
        return describe(plan);
    }

    @Override
    public boolean isInstalled(String name) {
        return !bundlesOf(ROOT, name).isEmpty();
    }

    @Override
    public synchronized RemovalPlan uninstall(String name) {
        List<Bundle> roots = bundlesOf(ROOT, name);
        if (roots.isEmpty()) {
            throw new ProbeException(name + " is not an installed extra (driver:available shows them)");
        }
        List<Bundle> dependencies = bundlesOf(DEPENDENCY, null);
        Set<Bundle> removal = RemovalPlanner.removable(roots, dependencies, ExtrasManagerImpl::requirersOf);
        List<String> removed = removal.stream().map(ExtrasManagerImpl::name).toList();
        List<String> kept = bundlesOf(DEPENDENCY, name).stream().filter(b -> !removal.contains(b))
                .map(ExtrasManagerImpl::name).toList();
        for (Bundle bundle : removal) {
            try {
                bundle.uninstall();
            } catch (BundleException e) {
                throw new ProbeException("cannot uninstall " + name(bundle) + ": " + IndexParser.firstLine(e.getMessage()));
            }
        }
        refresh(removal);
        return new RemovalPlan(extraNameOf(roots.get(0).getLocation(), ROOT).orElse(name), removed, kept);
    }

    private List<IndexRepository> read() {
        return repositories.all().stream().map(IndexRepository::read).toList();
    }

    private InstalledState state() {
        return new FrameworkState(context, wiring);
    }

    private boolean hasBundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return true;
            }
        }
        return false;
    }

    /** Bundles installed with that provenance, of one extra or (name null) of any. */
    private List<Bundle> bundlesOf(String prefix, String extra) {
        List<Bundle> bundles = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            Optional<String> owner = extraNameOf(bundle.getLocation(), prefix);
            if (owner.isPresent() && (extra == null || owner.get().equalsIgnoreCase(extra))) {
                bundles.add(bundle);
            }
        }
        return bundles;
    }

    static Optional<String> extraNameOf(String location, String prefix) {
        if (location == null || !location.startsWith(prefix)) {
            return Optional.empty();
        }
        int colon = location.indexOf(':', prefix.length());
        return colon < 0 ? Optional.empty() : Optional.of(location.substring(prefix.length(), colon));
    }

    private static Collection<Bundle> requirersOf(Bundle bundle) {
        BundleWiring bundleWiring = bundle.adapt(BundleWiring.class);
        if (bundleWiring == null) {
            return List.of();
        }
        return bundleWiring.getProvidedWires(null).stream().map(BundleWire::getRequirerWiring)
                .map(BundleWiring::getBundle).toList();
    }

    private void removeQuietly(List<Bundle> bundles) {
        for (Bundle bundle : bundles) {
            try {
                bundle.uninstall();
            } catch (BundleException | IllegalStateException ignored) {
                // the install failure is what the user needs to see
            }
        }
        if (!bundles.isEmpty()) {
            refresh(bundles);
        }
    }

    /** Refreshes and waits, so the removed bundles' class loaders are let go before the command returns. */
    private void refresh(Collection<Bundle> bundles) {
        CountDownLatch done = new CountDownLatch(1);
        wiring.refreshBundles(bundles, event -> done.countDown());
        try {
            if (!done.await(REFRESH_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new ProbeException("refreshing after removing " + bundles.size() + " bundles did not finish in "
                        + REFRESH_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static InstallPlan describe(InstallPlanner.Plan plan) {
        return new InstallPlan(plan.extra().extraName().orElse("?"),
                plan.added().stream().map(IndexResource::toString).toList(),
                plan.reused().stream().map(ExtrasManagerImpl::name).toList());
    }

    private static String name(Bundle bundle) {
        return bundle.getSymbolicName() + " " + bundle.getVersion();
    }

    private static String name(Resource resource) {
        return resource instanceof BundleRevision revision ? revision.getSymbolicName() + " " + revision.getVersion()
                : resource.toString();
    }
}
