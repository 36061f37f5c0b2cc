package io.probehost.shell.internal;

import java.util.List;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.probehost.api.debug.Watchpoint;
import io.probehost.api.debug.WatchpointControl;
import io.probehost.api.debug.WatchpointKind;
import io.probehost.api.text.Numbers;
import io.probehost.api.text.TextTable;
import io.probehost.command.CommandSessions;
import io.probehost.command.CommandSyntax;

/** {@code watch:*}: data watchpoints. */
@Component(service = WatchCommands.class, property = {"osgi.command.scope=watch", "osgi.command.function=add",
        "osgi.command.function=remove", "osgi.command.function=list"})
public final class WatchCommands {
    static final String ADD = "watch:add " + CommandSyntax.PROBE + " [--read] [--write] [--access] ADDR [SIZE]";
    static final String REMOVE = "watch:remove " + CommandSyntax.PROBE + " ADDR";
    static final String LIST = "watch:list " + CommandSyntax.PROBE;

    private final CommandSessions sessions;

    @Activate
    public WatchCommands(@Reference CommandSessions sessions) {
        this.sessions = sessions;
    }

    @Descriptor("set a data watchpoint on SIZE bytes (1, 2 or 4; default 4) halting on --read, --write or "
            + "--access (the default)")
    public Object add(@Descriptor(ADD) String... args) {
        return CommandSyntax.of(ADD).run(args, line -> {
            boolean read = line.flag("--read");
            boolean write = line.flag("--write");
            if ((read ? 1 : 0) + (write ? 1 : 0) + (line.flag("--access") ? 1 : 0) > 1) {
                throw line.usageError("choose one of --read, --write and --access");
            }
            long address = Numbers.address(line.argument(0));
            int size = line.optionalArgument(1).map(s -> Numbers.count(s, "size")).orElse(4);
            WatchpointKind kind = read ? WatchpointKind.READ : write ? WatchpointKind.WRITE : WatchpointKind.ACCESS;
            WatchpointControl control = sessions.session(line).target().watchpoints();
            Watchpoint set = control.addWatchpoint(address, size, kind);
            return "Set " + StopPoints.kind(set.kind()) + " watchpoint on " + set.size() + " bytes at "
                    + HexDump.hex32(set.address());
        });
    }

    @Descriptor("remove the watchpoint at an address")
    public Object remove(@Descriptor(REMOVE) String... args) {
        return CommandSyntax.of(REMOVE).run(args, line -> StopPoints.remove(line, "watch", "watchpoint",
                address -> sessions.session(line).target().watchpoints().removeWatchpoint(address)));
    }

    @Descriptor("list the watchpoints that are set")
    public Object list(@Descriptor(LIST) String... args) {
        return CommandSyntax.of(LIST).run(args, line -> {
            WatchpointControl control = sessions.session(line).target().watchpoints();
            TextTable table = new TextTable("#", "Address", "Size", "Kind").numeric(0, 2);
            return StopPoints.table(control.watchpoints(), "watchpoints", table, watchpoint -> List.of(
                    HexDump.hex32(watchpoint.address()), watchpoint.size(), StopPoints.kind(watchpoint.kind())));
        });
    }
}
