package io.probehost.core.internal.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.resource.Capability;
import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

import io.probehost.api.host.ProbeListing;
import io.probehost.api.probe.ProbeDriver;

/**
 * Driver bundles that provide no {@link ProbeDriver} although their manifest says they do (the
 * {@code osgi.service} capability bnd writes for a DS component): not resolved (with the requirements
 * nothing installed provides), resolved but not started, or started with a driver component that is
 * disabled, failed to activate or misses a service. Each becomes one error row of the probe listing,
 * named after the bundle, so that the other drivers' probes stay listed beside it.
 */
final class UnstartedDrivers {
    private static final String SERVICE_NAMESPACE = "osgi.service";
    /** A stack trace's first line: the exception's class name, then its message. */
    private static final Pattern THROWN = Pattern.compile("[\\w.$]+(?:Exception|Error): (.+)");
    private static final Pattern FILTER_NAME = Pattern.compile("\\(([\\w.]+)=([^)(*]+)\\)");

    private final BundleContext context;
    private final Supplier<Optional<ServiceComponentRuntime>> components;

    UnstartedDrivers(BundleContext context, Supplier<Optional<ServiceComponentRuntime>> components) {
        this.context = context;
        this.components = components;
    }

    /** One error per driver bundle outside {@code bundlesWithDrivers} that registered no driver. */
    List<ProbeListing.DriverError> find(Set<Long> bundlesWithDrivers) {
        List<ProbeListing.DriverError> errors = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundlesWithDrivers.contains(bundle.getBundleId()) || !providesDriver(bundle)) {
                continue;
            }
            problem(bundle).ifPresent(problem -> errors.add(new ProbeListing.DriverError(bundle.getSymbolicName(),
                    "bundle " + bundle.getSymbolicName() + " " + bundle.getVersion() + " " + problem)));
        }
        return errors;
    }

    static boolean providesDriver(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null) {
            return false;
        }
        for (Capability capability : revision.getDeclaredCapabilities(SERVICE_NAMESPACE)) {
            Object classes = capability.getAttributes().get("objectClass");
            if (classes instanceof List<?> list && list.contains(ProbeDriver.class.getName())
                    || ProbeDriver.class.getName().equals(classes)) {
                return true;
            }
        }
        return false;
    }

    private Optional<String> problem(Bundle bundle) {
        switch (bundle.getState()) {
            case Bundle.INSTALLED:
                List<String> missing = missingRequirements(bundle);
                return Optional.of(missing.isEmpty() ? "is not resolved"
                        : "is not resolved: nothing installed provides " + String.join(", ", missing));
            case Bundle.RESOLVED:
                return Optional.of("is resolved but not started (driver:update or a restart starts it again)");
            case Bundle.ACTIVE:
                return components.get().flatMap(scr -> failedComponent(scr, bundle));
            default:
                return Optional.empty();
        }
    }

    /** The bundle's mandatory requirements that no installed bundle provides, as short text. */
    private List<String> missingRequirements(Bundle bundle) {
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        List<String> missing = new ArrayList<>();
        for (Requirement requirement : bundle.adapt(BundleRevision.class).getDeclaredRequirements(null)) {
            String effective = requirement.getDirectives().get(Namespace.REQUIREMENT_EFFECTIVE_DIRECTIVE);
            boolean atResolve = effective == null || Namespace.EFFECTIVE_RESOLVE.equals(effective);
            boolean optional = Namespace.RESOLUTION_OPTIONAL.equals(
                    requirement.getDirectives().get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE));
            if (atResolve && !optional && wiring.findProviders(requirement).isEmpty()) {
                missing.add(describe(requirement));
            }
        }
        return missing;
    }

    /** {@code package com.sun.jna} for a package import; the namespace and filter otherwise. */
    static String describe(Requirement requirement) {
        String filter = String.valueOf(requirement.getDirectives().get(Namespace.REQUIREMENT_FILTER_DIRECTIVE));
        Matcher name = FILTER_NAME.matcher(filter);
        while (name.find()) {
            if (name.group(1).equals(requirement.getNamespace())) {
                String kind = PackageNamespace.PACKAGE_NAMESPACE.equals(requirement.getNamespace()) ? "package"
                        : requirement.getNamespace();
                return kind + " " + name.group(2);
            }
        }
        return requirement.getNamespace() + " " + filter;
    }

    /** Why the bundle's driver component provides no service, when DS says so. */
    private static Optional<String> failedComponent(ServiceComponentRuntime scr, Bundle bundle) {
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
            if (!List.of(description.serviceInterfaces).contains(ProbeDriver.class.getName())) {
                continue;
            }
            String component = "component " + description.name;
            if (!scr.isComponentEnabled(description)) {
                return Optional.of("is started, but its " + component + " is disabled");
            }
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                switch (configuration.state) {
                    case ComponentConfigurationDTO.FAILED_ACTIVATION:
                        return Optional.of("is started, but its " + component + " failed to activate: "
                                + firstLine(configuration.failure));
                    case ComponentConfigurationDTO.UNSATISFIED_REFERENCE:
                        List<String> services = new ArrayList<>();
                        for (var unsatisfied : configuration.unsatisfiedReferences) {
                            for (var reference : description.references) {
                                if (reference.name.equals(unsatisfied.name)) {
                                    services.add(reference.interfaceName);
                                }
                            }
                        }
                        return Optional.of("is started, but its " + component + " misses the service(s) "
                                + String.join(", ", services));
                    default:
                        break;
                }
            }
        }
        return Optional.empty();
    }

    /** The first line of DS's failure text, without the exception's class name. */
    static String firstLine(String failure) {
        if (failure == null || failure.isBlank()) {
            return "no reason given";
        }
        String line = failure.strip().lines().findFirst().orElse("");
        Matcher thrown = THROWN.matcher(line);
        return thrown.matches() ? thrown.group(1) : line;
    }
}
