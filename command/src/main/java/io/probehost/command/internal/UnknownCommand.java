package io.probehost.command.internal;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;

import io.probehost.command.CommandFailure;

/**
 * Gogo calls a command named {@code default} for a name that no command has; this one fails with the
 * same one line every other failure prints, instead of Gogo's exception.
 */
@Component(service = UnknownCommand.class, property = {"osgi.command.scope=probehost",
        "osgi.command.function=default"})
public final class UnknownCommand {

    @Descriptor("answers a command name that no command has")
    public Object _default(@Descriptor("the name typed, then its arguments") Object... typed) {
        String name = typed == null || typed.length == 0 ? "" : String.valueOf(typed[0]);
        throw new CommandFailure("unknown command '" + name.replace("*:", "") + "' (help lists the commands)");
    }
}
