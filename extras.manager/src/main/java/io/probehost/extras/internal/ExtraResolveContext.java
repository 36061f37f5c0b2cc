package io.probehost.extras.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.osgi.resource.Capability;
import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;
import org.osgi.resource.Wiring;
import org.osgi.service.resolver.HostedCapability;
import org.osgi.service.resolver.ResolveContext;

/**
 * Resolves one extra against what is installed plus the indexes: installed providers come first,
 * then index resources that are not installed already, highest version first.
 */
final class ExtraResolveContext extends ResolveContext {
    private static final Comparator<Capability> NEWEST_FIRST = Comparator.comparing(
            (Capability c) -> ((IndexResource) c.getResource()).version()).reversed();

    private final IndexResource extra;
    private final List<IndexRepository> repositories;
    private final InstalledState installed;

    ExtraResolveContext(IndexResource extra, List<IndexRepository> repositories, InstalledState installed) {
        this.extra = extra;
        this.repositories = List.copyOf(repositories);
        this.installed = installed;
    }

    @Override
    public List<Resource> getMandatoryResources() {
        return List.of(extra);
    }

    @Override
    public List<Capability> findProviders(Requirement requirement) {
        List<Capability> providers = new ArrayList<>(installed.providers(requirement));
        List<Capability> offered = new ArrayList<>();
        for (IndexRepository repository : repositories) {
            for (Capability capability : repository.findProviders(requirement)) {
                IndexResource resource = (IndexResource) capability.getResource();
                if (!installed.has(resource.symbolicName(), resource.version())) {
                    offered.add(capability);
                }
            }
        }
        offered.sort(NEWEST_FIRST);
        providers.addAll(offered);
        return providers;
    }

    @Override
    public int insertHostedCapability(List<Capability> capabilities, HostedCapability hostedCapability) {
        capabilities.add(hostedCapability);
        return capabilities.size() - 1;
    }

    @Override
    public boolean isEffective(Requirement requirement) {
        String effective = requirement.getDirectives().get(Namespace.REQUIREMENT_EFFECTIVE_DIRECTIVE);
        return effective == null || Namespace.EFFECTIVE_RESOLVE.equals(effective);
    }

    @Override
    public Map<Resource, Wiring> getWirings() {
        return installed.wirings();
    }
}
