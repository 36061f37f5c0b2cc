package io.probehost.api.option;

import org.osgi.annotation.versioning.ProviderType;

/** The option values in force for one session (one command, or one connection). */
@ProviderType
public interface SessionOptions {

    /** The value of an option: command line, then per-probe file section, then file, then default. */
    <T> T get(OptionDescriptor<T> option);

    /** Options with every value at its default; for tests and tools with no configuration. */
    static SessionOptions defaults() {
        return new SessionOptions() {
            @Override
            public <T> T get(OptionDescriptor<T> option) {
                return option.defaultValue();
            }
        };
    }
}
