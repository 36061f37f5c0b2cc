package io.probehost.api.host;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.probehost.api.option.OptionDescriptor;
import io.probehost.api.option.SessionOptions;

/**
 * Every session option that installed bundles declare, and their values from the command line,
 * the {@code probehost.yaml} file and Config Admin.
 */
@ProviderType
public interface OptionRegistry {

    List<OptionDescriptor<?>> options();

    Optional<OptionDescriptor<?>> find(String name);

    /**
     * The options for a session. Precedence: {@code commandLine} (name to text) over the file's
     * section for the probe {@code probeUniqueId} (may be null) over the file's global section and
     * Config Admin over the defaults.
     *
     * @throws IllegalArgumentException naming the option, for an unknown option or an ill-typed value
     */
    SessionOptions resolve(Map<String, String> commandLine, String probeUniqueId);
}
