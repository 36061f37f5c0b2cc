package io.probehost.extras.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.Version;
import org.osgi.framework.namespace.IdentityNamespace;
import org.osgi.resource.Capability;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;

/** A resource of a repository index: its capabilities and requirements as the index lists them. */
final class IndexResource implements Resource {
    static final String CONTENT_NAMESPACE = "osgi.content";
    /** What a third-party extra provides to be installable by a short name: {@code probehost.extra=NAME}. */
    static final String EXTRA_NAMESPACE = "probehost.extra";
    /** Probehost's own driver bundles are extras named after their folder: {@code io.probehost.driver.pemicro}. */
    static final String DRIVER_PREFIX = "io.probehost.driver.";

    /** Where the bundle's jar is and how to check it. */
    record Content(URI url, String sha256, long size) {
    }

    private final URI index;
    private final List<Capability> capabilities = new ArrayList<>();
    private final List<Requirement> requirements = new ArrayList<>();

    IndexResource(URI index) {
        this.index = index;
    }

    URI index() {
        return index;
    }

    void add(String namespace, Map<String, Object> attributes, Map<String, String> directives, boolean capability) {
        if (capability) {
            capabilities.add(new Cap(namespace, attributes, directives));
        } else {
            requirements.add(new Req(namespace, attributes, directives));
        }
    }

    @Override
    public List<Capability> getCapabilities(String namespace) {
        return capabilities.stream().filter(c -> namespace == null || namespace.equals(c.getNamespace())).toList();
    }

    @Override
    public List<Requirement> getRequirements(String namespace) {
        return requirements.stream().filter(r -> namespace == null || namespace.equals(r.getNamespace())).toList();
    }

    String symbolicName() {
        return String.valueOf(identity().map(c -> c.getAttributes().get(IdentityNamespace.IDENTITY_NAMESPACE))
                .orElse("?"));
    }

    Version version() {
        Object version = identity().map(c -> c.getAttributes().get(IdentityNamespace.CAPABILITY_VERSION_ATTRIBUTE))
                .orElse(null);
        return version instanceof Version v ? v : version == null ? Version.emptyVersion : Version.valueOf(version.toString());
    }

    boolean isFragment() {
        return identity().map(c -> IdentityNamespace.TYPE_FRAGMENT.equals(
                c.getAttributes().get(IdentityNamespace.CAPABILITY_TYPE_ATTRIBUTE))).orElse(false);
    }

    /** The short name users install it by, if it is an extra rather than only a dependency. */
    Optional<String> extraName() {
        for (Capability extra : getCapabilities(EXTRA_NAMESPACE)) {
            Object name = extra.getAttributes().get(EXTRA_NAMESPACE);
            if (name != null) {
                return Optional.of(name.toString());
            }
        }
        String bsn = symbolicName();
        return bsn.startsWith(DRIVER_PREFIX) && bsn.length() > DRIVER_PREFIX.length()
                ? Optional.of(bsn.substring(DRIVER_PREFIX.length())) : Optional.empty();
    }

    /** The first {@code osgi.content} capability, the default format; its URL already resolved against the index. */
    Optional<Content> content() {
        for (Capability content : getCapabilities(CONTENT_NAMESPACE)) {
            Map<String, Object> attributes = content.getAttributes();
            Object url = attributes.get("url");
            Object sha = attributes.get(CONTENT_NAMESPACE);
            Object size = attributes.get("size");
            if (url != null && sha != null) {
                return Optional.of(new Content(index.resolve(url.toString()), sha.toString(),
                        size instanceof Number n ? n.longValue() : -1));
            }
        }
        return Optional.empty();
    }

    private Optional<Capability> identity() {
        return capabilities.stream().filter(c -> IdentityNamespace.IDENTITY_NAMESPACE.equals(c.getNamespace()))
                .findFirst();
    }

    @Override
    public String toString() {
        return symbolicName() + " " + version();
    }

    /** Capabilities and requirements only differ in their interface. */
    private abstract class Element {
        private final String namespace;
        private final Map<String, Object> attributes;
        private final Map<String, String> directives;

        Element(String namespace, Map<String, Object> attributes, Map<String, String> directives) {
            this.namespace = namespace;
            this.attributes = Map.copyOf(attributes);
            this.directives = Map.copyOf(directives);
        }

        public String getNamespace() {
            return namespace;
        }

        public Map<String, String> getDirectives() {
            return directives;
        }

        public Map<String, Object> getAttributes() {
            return attributes;
        }

        public Resource getResource() {
            return IndexResource.this;
        }

        @Override
        public String toString() {
            return namespace + attributes + directives;
        }
    }

    private final class Cap extends Element implements Capability {
        Cap(String namespace, Map<String, Object> attributes, Map<String, String> directives) {
            super(namespace, attributes, directives);
        }
    }

    private final class Req extends Element implements Requirement {
        Req(String namespace, Map<String, Object> attributes, Map<String, String> directives) {
            super(namespace, attributes, directives);
        }
    }
}
