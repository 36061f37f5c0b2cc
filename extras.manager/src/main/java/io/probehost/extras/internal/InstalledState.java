package io.probehost.extras.internal;

import java.util.List;
import java.util.Map;

import org.osgi.framework.Version;
import org.osgi.resource.Capability;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;
import org.osgi.resource.Wiring;

/** What is installed already, as the resolver must see it: the running framework, or a fake in tests. */
interface InstalledState {
    /** Installed capabilities that satisfy the requirement, namespace rules applied, preferred first. */
    List<Capability> providers(Requirement requirement);

    /** Whether a bundle of that symbolic name and version is installed (the index's copy is then not offered). */
    boolean has(String symbolicName, Version version);

    /** Whether the resource is an installed one rather than one of an index. */
    boolean isInstalled(Resource resource);

    /** The current wiring of every resolved installed resource. */
    Map<Resource, Wiring> wirings();
}
