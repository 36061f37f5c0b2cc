package io.probehost.shell.internal;

import java.util.List;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.probehost.api.debug.Breakpoint;
import io.probehost.api.debug.BreakpointControl;
import io.probehost.api.debug.BreakpointKind;
import io.probehost.api.text.Numbers;
import io.probehost.api.text.TextTable;
import io.probehost.command.CommandSessions;
import io.probehost.command.CommandSyntax;

/** {@code break:*}: hardware and software breakpoints. */
@Component(service = BreakCommands.class, property = {"osgi.command.scope=break", "osgi.command.function=add",
        "osgi.command.function=remove", "osgi.command.function=list"})
public final class BreakCommands {
    static final String ADD = "break:add " + CommandSyntax.PROBE + " [--hw] [--sw] ADDR";
    static final String REMOVE = "break:remove " + CommandSyntax.PROBE + " ADDR";
    static final String LIST = "break:list " + CommandSyntax.PROBE;

    private final CommandSessions sessions;

    @Activate
    public BreakCommands(@Reference CommandSessions sessions) {
        this.sessions = sessions;
    }

    @Descriptor("set a breakpoint: --hw a comparator of the breakpoint unit, --sw a BKPT written over the code "
            + "(RAM only); default hardware when the address allows")
    public Object add(@Descriptor(ADD) String... args) {
        return CommandSyntax.of(ADD).run(args, line -> {
            boolean hardware = line.flag("--hw");
            boolean software = line.flag("--sw");
            if (hardware && software) {
                throw line.usageError("choose one of --hw and --sw");
            }
            long address = Numbers.address(line.argument(0));
            BreakpointKind kind = hardware ? BreakpointKind.HARDWARE : software ? BreakpointKind.SOFTWARE
                    : BreakpointKind.AUTO;
            BreakpointControl control = sessions.session(line).target().breakpoints();
            Breakpoint set = control.addBreakpoint(address, kind);
            return "Set " + StopPoints.kind(set.kind()) + " breakpoint at " + HexDump.hex32(set.address()) + " ("
                    + control.freeHardwareBreakpoints() + " of " + control.hardwareBreakpointCount()
                    + " hardware breakpoints free)";
        });
    }

    @Descriptor("remove the breakpoint at an address")
    public Object remove(@Descriptor(REMOVE) String... args) {
        return CommandSyntax.of(REMOVE).run(args, line -> StopPoints.remove(line, "break", "breakpoint",
                address -> sessions.session(line).target().breakpoints().removeBreakpoint(address)));
    }

    @Descriptor("list the breakpoints that are set")
    public Object list(@Descriptor(LIST) String... args) {
        return CommandSyntax.of(LIST).run(args, line -> {
            BreakpointControl control = sessions.session(line).target().breakpoints();
            TextTable table = new TextTable("#", "Address", "Kind").numeric(0);
            return StopPoints.table(control.breakpoints(), "breakpoints", table,
                    breakpoint -> List.of(HexDump.hex32(breakpoint.address()), StopPoints.kind(breakpoint.kind())));
        });
    }
}
