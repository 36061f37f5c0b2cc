package io.probehost.shell.internal;

import java.util.stream.Collectors;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.probehost.api.host.TargetRegistry;
import io.probehost.api.target.TargetDescription;
import io.probehost.command.CommandSyntax;

/** {@code target:names}: the target types the installed packs know, space-separated; tab completion uses it. */
@Component(service = TargetNameCompletion.class, property = {"osgi.command.scope=target", "osgi.command.function=names"})
public final class TargetNameCompletion {
    private final TargetRegistry targets;

    @Activate
    public TargetNameCompletion(@Reference TargetRegistry targets) {
        this.targets = targets;
    }

    @Descriptor("print the target types the installed packs know (for scripts and tab completion)")
    public Object names(@Descriptor("target:names") String... args) {
        return CommandSyntax.of("target:names").run(args, line -> namesText());
    }

    private String namesText() {
        return targets.targets().stream().map(TargetDescription::name).collect(Collectors.joining(" "));
    }
}
