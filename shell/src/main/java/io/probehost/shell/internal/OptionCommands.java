package io.probehost.shell.internal;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

import org.apache.felix.service.command.CommandSession;
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
import io.probehost.command.CommandConsole;
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
    public Object list(CommandSession shell, @Descriptor(LIST) String... args) {
        return CommandSyntax.of(LIST).run(args, line -> {
            SessionOptions current;
            try {
                current = options.resolve(line.sessionOptions(), probeId(line));
            } catch (IllegalArgumentException e) {
                throw new ProbeException(e.getMessage());
            }
            List<OptionDescriptor<?>> declared = List.copyOf(options.options());
            if (declared.isEmpty()) {
                return "No options are declared";
            }
            return table(declared, current, CommandConsole.width(shell));
        });
    }

    /**
     * One row per option; on a terminal too narrow for that, the help goes under each row, wrapped
     * to the terminal's width.
     */
    static String table(List<OptionDescriptor<?>> declared, SessionOptions current, OptionalInt width) {
        TextTable table = new TextTable("Name", "Type", "Default", "Value", "Help");
        for (OptionDescriptor<?> descriptor : declared) {
            table.row(descriptor.name(), descriptor.typeName(), text(descriptor.defaultValue()),
                    text(current.get(descriptor)), descriptor.help());
        }
        String wide = table.toString();
        if (width.isEmpty() || wide.lines().allMatch(row -> row.length() <= width.getAsInt())) {
            return wide;
        }
        int indent = 2 + Math.max("Name".length(),
                declared.stream().mapToInt(d -> d.name().length()).max().orElse(0)) + 3;
        String continuation = "\n" + " ".repeat(indent);
        TextTable narrow = new TextTable("Name", "Type", "Default", "Value");
        for (OptionDescriptor<?> descriptor : declared) {
            List<String> help = CommandConsole.wrap(descriptor.help(), Math.max(20, width.getAsInt() - indent - 1));
            narrow.rowWithSubLine(String.join(continuation, help), descriptor.name(), descriptor.typeName(),
                    text(descriptor.defaultValue()), text(current.get(descriptor)));
        }
        return narrow.toString();
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
