package io.probehost.shell.internal;

import java.util.Objects;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.probehost.api.ProbeException;
import io.probehost.api.host.DebugSession;
import io.probehost.api.host.OptionRegistry;
import io.probehost.api.option.OptionDescriptor;
import io.probehost.api.option.SessionOptions;
import io.probehost.api.text.TextTable;

/** {@code option:list}: every session option the installed bundles declare, with its value now. */
@Component(service = OptionCommands.class, property = {"osgi.command.scope=option", "osgi.command.function=list"})
public final class OptionCommands {
    private final OptionRegistry options;
    private final SessionAccess access;

    @Activate
    public OptionCommands(@Reference OptionRegistry options, @Reference SessionAccess access) {
        this.options = options;
        this.access = access;
    }

    @Descriptor("list the session options: name, type, default, current value (options file and -O), help")
    public String list(CommandSession shell,
            @Descriptor("probe whose section of the options file applies (whole or part of its unique ID)")
            @Parameter(names = {"-u", "--uid", "--probe"}, absentValue = "") String uid,
            @Descriptor(Flags.NO_WAIT) @Parameter(names = {"-W", "--no-wait"}, presentValue = "true",
                    absentValue = "false") boolean noWait,
            @Descriptor(Flags.OPTION) @Parameter(names = {"-O", "--option"}, absentValue = "") String option,
            @Descriptor(Flags.ARGS) String... args) {
        Invocation invocation = Invocation.of(uid, noWait, option, args).atMost(0, "option:list [-u UID] [-O name=value]");
        SessionOptions current;
        try {
            current = options.resolve(invocation.options(), probeId(invocation));
        } catch (IllegalArgumentException e) {
            throw new ProbeException(e.getMessage());
        }
        TextTable table = new TextTable("Name", "Type", "Default", "Value", "Help");
        for (OptionDescriptor<?> descriptor : options.options()) {
            table.row(descriptor.name(), descriptor.typeName(), text(descriptor.defaultValue()),
                    text(current.get(descriptor)), descriptor.help());
        }
        return table.isEmpty() ? "No options are declared" : table.toString();
    }

    /** The unique ID whose file section applies: the chosen probe's, or the open session's. */
    private String probeId(Invocation invocation) {
        if (invocation.uid().isEmpty()) {
            return access.manager().current().map(DebugSession::probeDescription).map(p -> p.uniqueId()).orElse(null);
        }
        try {
            Invocation noWait = new Invocation(invocation.uid(), true, invocation.options(), invocation.arguments());
            return access.probe(noWait).uniqueId();
        } catch (ProbeException notConnected) {
            return invocation.uid().orElse(null);
        }
    }

    private static String text(Object value) {
        if (value instanceof Enum<?>) {
            return ((Enum<?>) value).name().toLowerCase();
        }
        return Objects.toString(value, "");
    }
}
