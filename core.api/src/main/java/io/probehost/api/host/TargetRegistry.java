package io.probehost.api.host;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.probehost.api.target.TargetDescription;

/** Every target the installed target packs describe. Tracks packs as they come and go. */
@ProviderType
public interface TargetRegistry {

    List<PackInfo> packs();

    List<TargetDescription> targets();

    /** Finds a target by name, case-insensitively. */
    Optional<TargetDescription> find(String name);

    /**
     * An installed target pack.
     *
     * @param name     pack name
     * @param version  pack version
     * @param bundleId id of the providing bundle
     * @param targets  names of the targets it describes
     */
    record PackInfo(String name, String version, long bundleId, List<String> targets) {
        public PackInfo {
            targets = List.copyOf(targets);
        }
    }
}
