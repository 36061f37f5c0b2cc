package io.probehost.core.internal.option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.probehost.api.ProbeException;
import io.probehost.api.host.OptionRegistry;
import io.probehost.api.option.OptionDescriptor;
import io.probehost.api.option.OptionProvider;
import io.probehost.api.option.SessionOptions;

/**
 * Collects the options every {@link OptionProvider} declares, and resolves their values: command
 * line over the file's per-probe section over the file over Config Admin (PID
 * {@value #CONFIGURATION_PID}) over the defaults.
 */
@Component(service = OptionRegistry.class, configurationPid = OptionRegistryImpl.CONFIGURATION_PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class OptionRegistryImpl implements OptionRegistry {
    static final String CONFIGURATION_PID = "io.probehost.options";
    /** Framework property naming the options file; default {@code probehost.yaml} in the working directory. */
    static final String FILE_PROPERTY = "probehost.options.file";

    private final List<OptionProvider> providers = new CopyOnWriteArrayList<>();
    private final Path file;
    private volatile Map<String, String> configAdminValues = Map.of();

    @Activate
    public OptionRegistryImpl(BundleContext context, Map<String, Object> configuration) {
        String fileName = context == null ? null : context.getProperty(FILE_PROPERTY);
        this.file = Path.of(fileName == null ? "probehost.yaml" : fileName);
        modified(configuration);
    }

    /** For tests: no framework, an explicit file. */
    OptionRegistryImpl(Path file) {
        this.file = file;
    }

    @Modified
    void modified(Map<String, Object> configuration) {
        Map<String, String> values = new HashMap<>();
        configuration.forEach((key, value) -> {
            if (!key.startsWith("service.") && !key.startsWith("component.") && !key.startsWith("felix.")
                    && !key.startsWith("osgi.")) {
                values.put(key, String.valueOf(value));
            }
        });
        configAdminValues = Map.copyOf(values);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addProvider(OptionProvider provider) {
        providers.add(provider);
    }

    void removeProvider(OptionProvider provider) {
        providers.remove(provider);
    }

    @Override
    public List<OptionDescriptor<?>> options() {
        List<OptionDescriptor<?>> all = new ArrayList<>();
        for (OptionProvider provider : providers) {
            all.addAll(provider.options());
        }
        all.sort(Comparator.comparing(OptionDescriptor::name));
        return all;
    }

    @Override
    public Optional<OptionDescriptor<?>> find(String name) {
        return options().stream().filter(o -> o.name().equals(name)).findFirst();
    }

    @Override
    public SessionOptions resolve(Map<String, String> commandLine, String probeUniqueId) {
        Map<String, OptionDescriptor<?>> known = new LinkedHashMap<>();
        options().forEach(o -> known.put(o.name(), o));
        for (String name : commandLine.keySet()) {
            if (!known.containsKey(name)) {
                throw new IllegalArgumentException("unknown option '" + name + "' (option:list shows them all)");
            }
        }
        OptionFile optionFile = OptionFile.read(file);
        Map<String, Object> values = new HashMap<>();
        apply(values, known, configAdminValues, "Config Admin (" + CONFIGURATION_PID + ")");
        apply(values, known, optionFile.global(), optionFile.source());
        apply(values, known, optionFile.forProbe(probeUniqueId), optionFile.source());
        apply(values, known, commandLine, "the command line");
        return new ResolvedOptions(values);
    }

    /** Values for options no installed bundle declares are left out: their owner may come back later. */
    private static void apply(Map<String, Object> values, Map<String, OptionDescriptor<?>> known,
            Map<String, String> source, String sourceName) {
        source.forEach((name, text) -> {
            OptionDescriptor<?> option = known.get(name);
            if (option == null) {
                return;
            }
            try {
                values.put(name, option.convert(text));
            } catch (IllegalArgumentException e) {
                throw new ProbeException(sourceName + ": " + e.getMessage());
            }
        });
    }

    private record ResolvedOptions(Map<String, Object> values) implements SessionOptions {
        @Override
        public <T> T get(OptionDescriptor<T> option) {
            Object value = values.get(option.name());
            return value == null ? option.defaultValue() : option.convert(value);
        }
    }
}
