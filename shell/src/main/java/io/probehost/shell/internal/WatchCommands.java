package io.probehost.shell.internal;

import java.util.List;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.probehost.api.ProbeException;
import io.probehost.api.debug.Watchpoint;
import io.probehost.api.debug.WatchpointControl;
import io.probehost.api.debug.WatchpointKind;
import io.probehost.api.text.TextTable;

/** {@code watch:*}: data watchpoints. */
@Component(service = WatchCommands.class, property = {"osgi.command.scope=watch", "osgi.command.function=add",
        "osgi.command.function=remove", "osgi.command.function=list"})
public final class WatchCommands {
    private final SessionAccess access;

    @Activate
    public WatchCommands(@Reference SessionAccess access) {
        this.access = access;
    }

    @Descriptor("set a data watchpoint: watch:add ADDR [SIZE] [--read|--write|--access] (default 4 bytes, any access)")
    public String add(CommandSession shell,
            @Descriptor(Flags.UID) @Parameter(names = {"-u", "--uid", "--probe"}, absentValue = "") String uid,
            @Descriptor(Flags.NO_WAIT) @Parameter(names = {"-W", "--no-wait"}, presentValue = "true",
                    absentValue = "false") boolean noWait,
            @Descriptor(Flags.OPTION) @Parameter(names = {"-O", "--option"}, absentValue = "") String option,
            @Descriptor("halt on reads") @Parameter(names = {"--read"}, presentValue = "true", absentValue = "false")
            boolean read,
            @Descriptor("halt on writes") @Parameter(names = {"--write"}, presentValue = "true", absentValue = "false")
            boolean write,
            @Descriptor("halt on reads and writes (the default)")
            @Parameter(names = {"--access"}, presentValue = "true", absentValue = "false") boolean anyAccess,
            @Descriptor("ADDR [SIZE]: first watched byte, number of bytes (1, 2 or 4; default 4)") String... args) {
        String usage = "watch:add ADDR [SIZE] [--read|--write|--access]";
        Invocation invocation = Invocation.of(uid, noWait, option, args).atMost(2, usage);
        if ((read ? 1 : 0) + (write ? 1 : 0) + (anyAccess ? 1 : 0) > 1) {
            throw new ProbeException("choose one of --read, --write and --access");
        }
        long address = Numbers.address(invocation.argument(0, usage));
        int size = invocation.optionalArgument(1).map(s -> Numbers.count(s, "size")).orElse(4);
        WatchpointKind kind = read ? WatchpointKind.READ : write ? WatchpointKind.WRITE : WatchpointKind.ACCESS;
        WatchpointControl control = access.session(invocation).target().watchpoints();
        Watchpoint set = control.addWatchpoint(address, size, kind);
        return "Set " + StopPoints.kind(set.kind()) + " watchpoint on " + set.size() + " bytes at "
                + Numbers.hex32(set.address());
    }

    @Descriptor("remove the watchpoint at an address: watch:remove ADDR")
    public String remove(CommandSession shell,
            @Descriptor(Flags.UID) @Parameter(names = {"-u", "--uid", "--probe"}, absentValue = "") String uid,
            @Descriptor(Flags.NO_WAIT) @Parameter(names = {"-W", "--no-wait"}, presentValue = "true",
                    absentValue = "false") boolean noWait,
            @Descriptor(Flags.OPTION) @Parameter(names = {"-O", "--option"}, absentValue = "") String option,
            @Descriptor("ADDR: the watchpoint's first byte") String... args) {
        Invocation invocation = Invocation.of(uid, noWait, option, args);
        return StopPoints.remove(invocation, "watch", "watchpoint",
                address -> access.session(invocation).target().watchpoints().removeWatchpoint(address));
    }

    @Descriptor("list the watchpoints that are set")
    public String list(CommandSession shell,
            @Descriptor(Flags.UID) @Parameter(names = {"-u", "--uid", "--probe"}, absentValue = "") String uid,
            @Descriptor(Flags.NO_WAIT) @Parameter(names = {"-W", "--no-wait"}, presentValue = "true",
                    absentValue = "false") boolean noWait,
            @Descriptor(Flags.OPTION) @Parameter(names = {"-O", "--option"}, absentValue = "") String option,
            @Descriptor(Flags.ARGS) String... args) {
        Invocation invocation = Invocation.of(uid, noWait, option, args).atMost(0, "watch:list");
        WatchpointControl control = access.session(invocation).target().watchpoints();
        TextTable table = new TextTable("#", "Address", "Size", "Kind").numeric(0, 2);
        return StopPoints.table(control.watchpoints(), "watchpoints", table, watchpoint -> List.of(
                Numbers.hex32(watchpoint.address()), watchpoint.size(), StopPoints.kind(watchpoint.kind())));
    }
}
