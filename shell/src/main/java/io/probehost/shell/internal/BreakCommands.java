package io.probehost.shell.internal;

import java.util.List;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.probehost.api.ProbeException;
import io.probehost.api.debug.Breakpoint;
import io.probehost.api.debug.BreakpointControl;
import io.probehost.api.debug.BreakpointKind;
import io.probehost.api.text.TextTable;

/** {@code break:*}: hardware and software breakpoints. */
@Component(service = BreakCommands.class, property = {"osgi.command.scope=break", "osgi.command.function=add",
        "osgi.command.function=remove", "osgi.command.function=list"})
public final class BreakCommands {
    private final SessionAccess access;

    @Activate
    public BreakCommands(@Reference SessionAccess access) {
        this.access = access;
    }

    @Descriptor("set a breakpoint: break:add ADDR [--hw|--sw] (default: hardware when the address allows)")
    public String add(CommandSession shell,
            @Descriptor(Flags.UID) @Parameter(names = {"-u", "--uid", "--probe"}, absentValue = "") String uid,
            @Descriptor(Flags.NO_WAIT) @Parameter(names = {"-W", "--no-wait"}, presentValue = "true",
                    absentValue = "false") boolean noWait,
            @Descriptor(Flags.OPTION) @Parameter(names = {"-O", "--option"}, absentValue = "") String option,
            @Descriptor("a hardware breakpoint (a comparator of the breakpoint unit)")
            @Parameter(names = {"--hw"}, presentValue = "true", absentValue = "false") boolean hardware,
            @Descriptor("a software breakpoint (a BKPT instruction written over the code; RAM only)")
            @Parameter(names = {"--sw"}, presentValue = "true", absentValue = "false") boolean software,
            @Descriptor("ADDR: the instruction address") String... args) {
        String usage = "break:add ADDR [--hw|--sw]";
        Invocation invocation = Invocation.of(uid, noWait, option, args).atMost(1, usage);
        if (hardware && software) {
            throw new ProbeException("choose one of --hw and --sw");
        }
        long address = Numbers.address(invocation.argument(0, usage));
        BreakpointKind kind = hardware ? BreakpointKind.HARDWARE : software ? BreakpointKind.SOFTWARE
                : BreakpointKind.AUTO;
        BreakpointControl control = access.session(invocation).target().breakpoints();
        Breakpoint set = control.addBreakpoint(address, kind);
        return "Set " + StopPoints.kind(set.kind()) + " breakpoint at " + Numbers.hex32(set.address()) + " ("
                + control.freeHardwareBreakpoints() + " of " + control.hardwareBreakpointCount()
                + " hardware breakpoints free)";
    }

    @Descriptor("remove the breakpoint at an address: break:remove ADDR")
    public String remove(CommandSession shell,
            @Descriptor(Flags.UID) @Parameter(names = {"-u", "--uid", "--probe"}, absentValue = "") String uid,
            @Descriptor(Flags.NO_WAIT) @Parameter(names = {"-W", "--no-wait"}, presentValue = "true",
                    absentValue = "false") boolean noWait,
            @Descriptor(Flags.OPTION) @Parameter(names = {"-O", "--option"}, absentValue = "") String option,
            @Descriptor("ADDR: the breakpoint's address") String... args) {
        Invocation invocation = Invocation.of(uid, noWait, option, args);
        return StopPoints.remove(invocation, "break", "breakpoint",
                address -> access.session(invocation).target().breakpoints().removeBreakpoint(address));
    }

    @Descriptor("list the breakpoints that are set")
    public String list(CommandSession shell,
            @Descriptor(Flags.UID) @Parameter(names = {"-u", "--uid", "--probe"}, absentValue = "") String uid,
            @Descriptor(Flags.NO_WAIT) @Parameter(names = {"-W", "--no-wait"}, presentValue = "true",
                    absentValue = "false") boolean noWait,
            @Descriptor(Flags.OPTION) @Parameter(names = {"-O", "--option"}, absentValue = "") String option,
            @Descriptor(Flags.ARGS) String... args) {
        Invocation invocation = Invocation.of(uid, noWait, option, args).atMost(0, "break:list");
        BreakpointControl control = access.session(invocation).target().breakpoints();
        TextTable table = new TextTable("#", "Address", "Kind").numeric(0);
        return StopPoints.table(control.breakpoints(), "breakpoints", table,
                breakpoint -> List.of(Numbers.hex32(breakpoint.address()), StopPoints.kind(breakpoint.kind())));
    }
}
