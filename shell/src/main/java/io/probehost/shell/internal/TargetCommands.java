package io.probehost.shell.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.probehost.api.ProbeException;
import io.probehost.api.debug.CoreControl;
import io.probehost.api.debug.CoreRegister;
import io.probehost.api.debug.ResetType;
import io.probehost.api.host.DebugSession;
import io.probehost.api.host.OptionRegistry;
import io.probehost.api.host.TargetRegistry;
import io.probehost.api.option.OptionDescriptor;
import io.probehost.api.probe.WireProtocol;
import io.probehost.api.target.TargetDescription;
import io.probehost.api.text.TextTable;

/** {@code target:*} commands: connect, run control, reset, and the known targets. */
@Component(service = TargetCommands.class, property = {"osgi.command.scope=target",
        "osgi.command.function=connect", "osgi.command.function=disconnect", "osgi.command.function=halt",
        "osgi.command.function=go", "osgi.command.function=step", "osgi.command.function=reset",
        "osgi.command.function=status", "osgi.command.function=list"})
public final class TargetCommands {
    static final Duration HALT_TIMEOUT = Duration.ofSeconds(1);
    static final String GENERIC_TARGET = "cortex_m";
    private static final OptionDescriptor<Long> FREQUENCY = OptionDescriptor.of("frequency", Long.class, 0L, "");

    private final SessionAccess access;
    private final TargetRegistry targets;
    private final OptionRegistry options;

    @Activate
    public TargetCommands(@Reference SessionAccess access, @Reference TargetRegistry targets,
            @Reference OptionRegistry options) {
        this.access = access;
        this.targets = targets;
        this.options = options;
    }

    @Descriptor("connect to the target behind a debug probe (halts it unless connect_mode says otherwise)")
    public String connect(CommandSession shell,
            @Descriptor(Flags.UID) @Parameter(names = {"-u", "--uid", "--probe"}, absentValue = "") String uid,
            @Descriptor(Flags.NO_WAIT) @Parameter(names = {"-W", "--no-wait"}, presentValue = "true",
                    absentValue = "false") boolean noWait,
            @Descriptor(Flags.OPTION) @Parameter(names = {"-O", "--option"}, absentValue = "") String option,
            @Descriptor("target type (target:list); default: the one the probe reports, else a generic Cortex-M")
            @Parameter(names = {"-t", "--target"}, absentValue = "") String target,
            @Descriptor("SWCLK/TCK frequency in Hz (4000000, 4M, 400k); default: option frequency")
            @Parameter(names = {"-f", "--frequency"}, absentValue = "") String frequency,
            @Descriptor("wire protocol: swd or jtag; default swd")
            @Parameter(names = {"--protocol"}, absentValue = "") String protocol,
            @Descriptor(Flags.ARGS) String... args) {
        Invocation invocation = Invocation.of(uid, noWait, option, args).atMost(0, "target:connect [-u UID] [-t TARGET] "
                + "[-f FREQ] [--protocol swd|jtag] [-O name=value]");
        long clock = frequency.isEmpty() ? 0 : frequency(frequency);
        Optional<WireProtocol> wire;
        try {
            wire = protocol.isEmpty() ? Optional.empty() : Optional.of(WireProtocol.parse(protocol));
        } catch (IllegalArgumentException e) {
            throw new ProbeException(e.getMessage());
        }
        DebugSession session = access.connect(invocation, target.isEmpty() ? Optional.empty()
                : Optional.of(target), wire, clock);
        String targetName = session.targetDescription().map(TargetDescription::name)
                .orElse(session.probeDescription().target().map(t -> t + " (no pack: generic cortex_m)")
                        .orElse("cortex_m (generic)"));
        Object hz = clock > 0 ? clock : option(session, "frequency").orElse("?");
        return String.format("Connected to %s through %s %s over %s at %s Hz: %s", targetName,
                session.probeDescription().displayName(), session.probeDescription().uniqueId(),
                session.probe().protocol().map(Enum::name).orElse("?"), hz, session.target().description());
    }

    private static long frequency(String text) {
        try {
            long hz = FREQUENCY.convert(text);
            if (hz <= 0) {
                throw new ProbeException("frequency must be positive, not " + text);
            }
            return hz;
        } catch (IllegalArgumentException e) {
            throw new ProbeException("frequency '" + text + "' is not a number of Hz (such as 4000000, 4M or 400k)");
        }
    }

    @Descriptor("close the session: detach from the target (it keeps running) and release the probe")
    public String disconnect() {
        Optional<DebugSession> open = access.manager().current();
        access.manager().disconnect();
        return open.map(s -> "Disconnected from " + s.probeDescription().uniqueId()).orElse("No session is open");
    }

    @Descriptor("halt the core")
    public String halt(CommandSession shell,
            @Descriptor(Flags.UID) @Parameter(names = {"-u", "--uid", "--probe"}, absentValue = "") String uid,
            @Descriptor(Flags.NO_WAIT) @Parameter(names = {"-W", "--no-wait"}, presentValue = "true",
                    absentValue = "false") boolean noWait,
            @Descriptor(Flags.OPTION) @Parameter(names = {"-O", "--option"}, absentValue = "") String option,
            @Descriptor(Flags.ARGS) String... args) {
        CoreControl core = core(shell, Invocation.of(uid, noWait, option, args).atMost(0, "target:halt"));
        boolean already = core.isHalted();
        if (!already) {
            core.halt(HALT_TIMEOUT);
        }
        return (already ? "Already halted" : "Halted") + " at pc " + Numbers.hex32(pc(core));
    }

    @Descriptor("let the core run")
    public String go(CommandSession shell,
            @Descriptor(Flags.UID) @Parameter(names = {"-u", "--uid", "--probe"}, absentValue = "") String uid,
            @Descriptor(Flags.NO_WAIT) @Parameter(names = {"-W", "--no-wait"}, presentValue = "true",
                    absentValue = "false") boolean noWait,
            @Descriptor(Flags.OPTION) @Parameter(names = {"-O", "--option"}, absentValue = "") String option,
            @Descriptor(Flags.ARGS) String... args) {
        CoreControl core = core(shell, Invocation.of(uid, noWait, option, args).atMost(0, "target:go"));
        if (!core.isHalted()) {
            return "Already running";
        }
        core.resume();
        return "Running";
    }

    @Descriptor("execute one instruction (the core must be halted)")
    public String step(CommandSession shell,
            @Descriptor(Flags.UID) @Parameter(names = {"-u", "--uid", "--probe"}, absentValue = "") String uid,
            @Descriptor(Flags.NO_WAIT) @Parameter(names = {"-W", "--no-wait"}, presentValue = "true",
                    absentValue = "false") boolean noWait,
            @Descriptor(Flags.OPTION) @Parameter(names = {"-O", "--option"}, absentValue = "") String option,
            @Descriptor(Flags.ARGS) String... args) {
        DebugSession session = access.session(Invocation.of(uid, noWait, option, args).atMost(0, "target:step"));
        CoreControl core = SessionAccess.halted(session, "step");
        long before = pc(core);
        core.step();
        return "Stepped: pc " + Numbers.hex32(before) + " -> " + Numbers.hex32(pc(core));
    }

    @Descriptor("reset the target (reset_type option: sw or hw), and halt it at the first instruction with -h")
    public String reset(CommandSession shell,
            @Descriptor(Flags.UID) @Parameter(names = {"-u", "--uid", "--probe"}, absentValue = "") String uid,
            @Descriptor(Flags.NO_WAIT) @Parameter(names = {"-W", "--no-wait"}, presentValue = "true",
                    absentValue = "false") boolean noWait,
            @Descriptor(Flags.OPTION) @Parameter(names = {"-O", "--option"}, absentValue = "") String option,
            @Descriptor("halt at the reset vector") @Parameter(names = {"-h", "--halt"}, presentValue = "true",
                    absentValue = "false") boolean halt,
            @Descriptor(Flags.ARGS) String... args) {
        DebugSession session = access.session(
                Invocation.of(uid, noWait, option, args).atMost(0, "target:reset [-h|--halt]"));
        CoreControl core = session.target().core();
        ResetType type = resetType(option(session, "reset_type").map(String::valueOf).orElse("sw"));
        if (halt) {
            core.resetAndHalt(type, HALT_TIMEOUT);
            return "Reset (" + label(type) + ") and halted at pc " + Numbers.hex32(pc(core));
        }
        core.reset(type);
        return "Reset (" + label(type) + "), running";
    }

    @Descriptor("whether the core runs or is halted, why, and where")
    public String status(CommandSession shell,
            @Descriptor(Flags.UID) @Parameter(names = {"-u", "--uid", "--probe"}, absentValue = "") String uid,
            @Descriptor(Flags.NO_WAIT) @Parameter(names = {"-W", "--no-wait"}, presentValue = "true",
                    absentValue = "false") boolean noWait,
            @Descriptor(Flags.OPTION) @Parameter(names = {"-O", "--option"}, absentValue = "") String option,
            @Descriptor(Flags.ARGS) String... args) {
        CoreControl core = core(shell, Invocation.of(uid, noWait, option, args).atMost(0, "target:status"));
        if (!core.isHalted()) {
            return "Running";
        }
        String reason = core.haltReason().map(r -> r.name().toLowerCase(Locale.ROOT).replace('_', ' ')).orElse("unknown");
        return "Halted (" + reason + ") at pc " + Numbers.hex32(pc(core));
    }

    @Descriptor("list the targets the installed target packs describe, and the generic cortex_m")
    public String list() {
        TextTable table = new TextTable("Name", "Vendor", "Part", "Cores", "Source");
        table.row(GENERIC_TARGET, "Generic", "Cortex-M", "Cortex-M", "built-in");
        for (TargetRegistry.PackInfo pack : targets.packs()) {
            for (String name : pack.targets()) {
                targets.find(name).ifPresent(t -> table.row(t.name(), t.vendor(), t.family(),
                        String.join(", ", t.cores().stream().map(c -> c.type()).toList()),
                        pack.name() + " " + pack.version()));
            }
        }
        return table.toString();
    }

    /** An option's value in the session, with the default of the bundle that declares it. */
    private Optional<Object> option(DebugSession session, String name) {
        return options.find(name).map(descriptor -> session.options().get(descriptor));
    }

    private CoreControl core(CommandSession shell, Invocation invocation) {
        return access.session(invocation).target().core();
    }

    static long pc(CoreControl core) {
        CoreRegister pc = core.register("pc").orElseThrow(() -> new ProbeException(core.coreName() + " has no pc"));
        return core.readRegister(pc);
    }

    static ResetType resetType(String name) {
        switch (name == null ? "sw" : name.trim().toLowerCase(Locale.ROOT)) {
            case "hw":
            case "hardware":
                return ResetType.HARDWARE;
            case "sw":
            case "sw_system":
            case "default":
            case "sysresetreq":
                return ResetType.SYSRESETREQ;
            default:
                throw new ProbeException("reset_type '" + name + "' is not sw or hw");
        }
    }

    private static String label(ResetType type) {
        return type == ResetType.HARDWARE ? "hw" : "sw";
    }
}
