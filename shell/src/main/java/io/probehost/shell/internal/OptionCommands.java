package io.probehost.shell.internal;

import java.util.Objects;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.probehost.api.ProbeException;
import io.probehost.api.host.DebugSession;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.host.OptionRegistry;
import io.probehost.api.option.OptionDescriptor;
import io.probehost.api.option.SessionOptions;
import io.probehost.api.text.TextTable;
import io.probehost.command.CommandLine;
import io.probehost.command.CommandSessions;
import io.probehost.command.CommandSyntax;

/** {@code option:list}: every session option the installed bundles declare, with its value now. */
@Component(service = OptionCommands.class, property = {"osgi.command.scope=option", "osgi.command.function=list"})
public final class OptionCommands {
    static final String LIST = "option:list " + CommandSyntax.PROBE;

    private final OptionRegistry options;
    private final CommandSessions sessions;

    @Activate
    public OptionCommands(@Reference OptionRegistry options, @Reference CommandSessions sessions) {
        this.options = options;
        this.sessions = sessions;
    }

    @Descriptor("list the session options: name, type, default, current value (options file and -O), help; "
            + "-u names the probe whose section of the options file applies")
    public Object list(@Descriptor(LIST) String... args) {
        return CommandSyntax.of(LIST).run(args, line -> {
            SessionOptions current;
            try {
                current = options.resolve(line.sessionOptions(), probeId(line));
            } catch (IllegalArgumentException e) {
                throw new ProbeException(e.getMessage());
            }
            TextTable table = new TextTable("Name", "Type", "Default", "Value", "Help");
            for (OptionDescriptor<?> descriptor : options.options()) {
                table.row(descriptor.name(), descriptor.typeName(), text(descriptor.defaultValue()),
                        text(current.get(descriptor)), descriptor.help());
            }
            return table.isEmpty() ? "No options are declared" : table.toString();
        });
    }

    /** The unique ID whose file section applies: the chosen probe's, or the open session's. */
    private String probeId(CommandLine line) {
        if (line.uid().isEmpty()) {
            return sessions.current().map(DebugSession::probeDescription).map(ProbeDescription::uniqueId)
                    .orElse(null);
        }
        try {
            return sessions.probe(line, true).uniqueId();
        } catch (ProbeException notConnected) {
            return line.uid().orElse(null);
        }
    }

    private static String text(Object value) {
        if (value instanceof Enum<?>) {
            return ((Enum<?>) value).name().toLowerCase();
        }
        return Objects.toString(value, "");
    }
}
