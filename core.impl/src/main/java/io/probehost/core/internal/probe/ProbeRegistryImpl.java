package io.probehost.core.internal.probe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

import io.probehost.api.ProbeException;
import io.probehost.api.host.DriverInfo;
import io.probehost.api.host.ProbeListing;
import io.probehost.api.host.ProbeRegistry;
import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.probe.ProbeDriver;

/**
 * Tracks {@link ProbeDriver} services (whiteboard) and asks them for probes; a driver bundle that
 * registered none (not resolved, not started, its component failed) is listed as an error beside them.
 */
@Component(service = ProbeRegistry.class)
public final class ProbeRegistryImpl implements ProbeRegistry {

    private record Entry(ProbeDriver driver, DriverInfo info) {
    }

    private final List<Entry> drivers = new CopyOnWriteArrayList<>();
    private final UnstartedDrivers unstarted;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ServiceComponentRuntime components;

    @Activate
    public ProbeRegistryImpl(BundleContext context) {
        this.unstarted = new UnstartedDrivers(context, () -> Optional.ofNullable(components));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addDriver(ProbeDriver driver, ServiceReference<ProbeDriver> reference) {
        var bundle = reference.getBundle();
        drivers.add(new Entry(driver, new DriverInfo(driver.name(), driver.description(), bundle.getBundleId(),
                bundle.getSymbolicName(), bundle.getVersion().toString())));
    }

    void removeDriver(ProbeDriver driver) {
        drivers.removeIf(entry -> entry.driver == driver);
    }

    @Override
    public List<DriverInfo> drivers() {
        return sorted().stream().map(Entry::info).toList();
    }

    @Override
    public Optional<ProbeDriver> driver(String name) {
        return drivers.stream().filter(e -> e.info.name().equalsIgnoreCase(name)).map(Entry::driver).findFirst();
    }

    @Override
    public ProbeListing probes() {
        List<ProbeDescription> probes = new ArrayList<>();
        List<ProbeListing.DriverError> errors = new ArrayList<>();
        for (Entry entry : sorted()) {
            try {
                probes.addAll(entry.driver.probes());
            } catch (RuntimeException e) {
                errors.add(new ProbeListing.DriverError(entry.info.name(), messageOf(e)));
            }
        }
        errors.addAll(unstarted.find(drivers.stream().map(e -> e.info.bundleId()).collect(Collectors.toSet())));
        return new ProbeListing(probes, errors);
    }

    @Override
    public DebugProbe open(ProbeDescription probe, SessionOptions options) {
        ProbeDriver driver = driver(probe.driver())
                .orElseThrow(() -> new ProbeException("the driver '" + probe.driver() + "' of probe "
                        + probe.uniqueId() + " is no longer installed"));
        return driver.open(probe, options);
    }

    private List<Entry> sorted() {
        List<Entry> copy = new ArrayList<>(drivers);
        copy.sort(Comparator.comparing(e -> e.info.name()));
        return copy;
    }

    static String messageOf(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }
}
