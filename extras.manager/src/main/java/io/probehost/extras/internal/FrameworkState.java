package io.probehost.extras.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.resource.Capability;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;
import org.osgi.resource.Wiring;

/** The running framework as the resolver sees it: its bundles' revisions, capabilities and wirings. */
final class FrameworkState implements InstalledState {
    private final BundleContext context;
    private final FrameworkWiring wiring;

    FrameworkState(BundleContext context, FrameworkWiring wiring) {
        this.context = context;
        this.wiring = wiring;
    }

    @Override
    public List<Capability> providers(Requirement requirement) {
        return new ArrayList<>(wiring.findProviders(requirement));
    }

    @Override
    public boolean has(String symbolicName, Version version) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName()) && version.equals(bundle.getVersion())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean isInstalled(Resource resource) {
        return resource instanceof BundleRevision;
    }

    @Override
    public Map<Resource, Wiring> wirings() {
        Map<Resource, Wiring> wirings = new HashMap<>();
        for (Bundle bundle : context.getBundles()) {
            BundleRevision revision = bundle.adapt(BundleRevision.class);
            if (revision != null && revision.getWiring() != null) {
                wirings.put(revision, revision.getWiring());
            }
        }
        return wirings;
    }
}
