package io.probehost.shell.internal;

import java.net.URI;
import java.util.List;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.probehost.api.text.TextTable;
import io.probehost.command.CommandSyntax;
import io.probehost.extras.ExtrasManager;

/**
 * {@code driver:repo-list}, {@code driver:repo-add} and {@code driver:repo-remove}: the repository
 * indexes extras come from, as Karaf's {@code feature:repo-*}. A Java method cannot be named with
 * a hyphen, so these answer through Gogo's catch-all {@code _main}, given the command name first.
 */
@Component(service = DriverRepoCommands.class, property = {"osgi.command.scope=driver",
        "osgi.command.function=repo-list", "osgi.command.function=repo-add", "osgi.command.function=repo-remove"})
public final class DriverRepoCommands {
    static final String LIST = "driver:repo-list";
    static final String ADD = "driver:repo-add URL";
    static final String REMOVE = "driver:repo-remove URL";

    private final ExtrasManager extras;

    @Activate
    public DriverRepoCommands(@Reference ExtrasManager extras) {
        this.extras = extras;
    }

    @Descriptor("list, add (URL, file or folder of an OSGi Repository index) or remove a driver repository")
    public Object _main(@Descriptor("driver:repo-list | driver:repo-add URL | driver:repo-remove URL")
            Object... nameAndArgs) {
        String name = nameAndArgs.length == 0 ? "" : String.valueOf(nameAndArgs[0]);
        String[] args = new String[Math.max(0, nameAndArgs.length - 1)];
        for (int i = 1; i < nameAndArgs.length; i++) {
            args[i - 1] = String.valueOf(nameAndArgs[i]);
        }
        if (name.endsWith("repo-add")) {
            return CommandSyntax.of(ADD).run(args, line -> {
                return "Added repository " + extras.addRepository(line.argument(0));
            });
        }
        if (name.endsWith("repo-remove")) {
            return CommandSyntax.of(REMOVE).run(args, line -> {
                return "Removed repository " + extras.removeRepository(line.argument(0));
            });
        }
        return CommandSyntax.of(LIST).run(args, line -> table(extras.repositories()));
    }

    private static String table(List<URI> repositories) {
        TextTable table = new TextTable("#", "Repository").numeric(0);
        for (int i = 0; i < repositories.size(); i++) {
            table.row(i + 1, repositories.get(i));
        }
        return table.isEmpty() ? "No driver repositories are configured" : table.toString();
    }
}
