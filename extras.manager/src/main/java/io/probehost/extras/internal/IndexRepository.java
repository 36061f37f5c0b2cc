package io.probehost.extras.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.resource.Capability;
import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;

/**
 * The resources of one index. Like the Repository service it matches a requirement on namespace
 * and filter only; namespace rules are the resolve context's.
 */
record IndexRepository(URI index, List<IndexResource> resources) {
    IndexRepository {
        resources = List.copyOf(resources);
    }

    static IndexRepository read(URI index) {
        return new IndexRepository(index, IndexParser.parse(index));
    }

    /** The capabilities of this index that satisfy {@code requirement}, in index order. */
    List<Capability> findProviders(Requirement requirement) {
        Filter filter = filterOf(requirement);
        List<Capability> providers = new ArrayList<>();
        for (IndexResource resource : resources) {
            for (Capability capability : resource.getCapabilities(requirement.getNamespace())) {
                if (isEffective(capability) && (filter == null || filter.matches(capability.getAttributes()))) {
                    providers.add(capability);
                }
            }
        }
        return providers;
    }

    static Filter filterOf(Requirement requirement) {
        String filter = requirement.getDirectives().get(Namespace.REQUIREMENT_FILTER_DIRECTIVE);
        try {
            return filter == null ? null : FrameworkUtil.createFilter(filter);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("bad filter " + filter + ": " + e.getMessage());
        }
    }

    private static boolean isEffective(Capability capability) {
        String effective = capability.getDirectives().get(Namespace.CAPABILITY_EFFECTIVE_DIRECTIVE);
        return effective == null || Namespace.EFFECTIVE_RESOLVE.equals(effective);
    }
}
