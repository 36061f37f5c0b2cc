package io.probehost.shell.internal;

import java.util.stream.Collectors;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.probehost.api.ProbeException;
import io.probehost.api.host.ProbeRegistry;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.command.CommandSyntax;

/** {@code probe:ids}: the unique IDs of the connected probes, space-separated; the shell's tab completion uses it. */
@Component(service = ProbeIdCompletion.class, property = {"osgi.command.scope=probe", "osgi.command.function=ids"})
public final class ProbeIdCompletion {
    private final ProbeRegistry probes;

    @Activate
    public ProbeIdCompletion(@Reference ProbeRegistry probes) {
        this.probes = probes;
    }

    @Descriptor("print the unique IDs of the connected probes (for scripts and tab completion)")
    public Object ids(@Descriptor("probe:ids") String... args) {
        return CommandSyntax.of("probe:ids").run(args, line -> idsText());
    }

    private String idsText() {
        try {
            return probes.probes().probes().stream().map(ProbeDescription::uniqueId).collect(Collectors.joining(" "));
        } catch (ProbeException e) {
            return "";
        }
    }
}
