package io.probehost.shell.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.apache.felix.service.command.Descriptor;
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
import io.probehost.command.CommandLine;
import io.probehost.command.CommandSessions;
import io.probehost.command.CommandSyntax;

/** {@code target:*} commands: connect, run control, reset, and the known targets. */
@Component(service = TargetCommands.class, property = {"osgi.command.scope=target",
        "osgi.command.function=connect", "osgi.command.function=disconnect", "osgi.command.function=halt",
        "osgi.command.function=go", "osgi.command.function=step", "osgi.command.function=reset",
        "osgi.command.function=status", "osgi.command.function=list"})
public final class TargetCommands {
    static final Duration HALT_TIMEOUT = Duration.ofSeconds(1);
    static final String GENERIC_TARGET = "cortex_m";
    private static final OptionDescriptor<Long> FREQUENCY = OptionDescriptor.of("frequency", Long.class, 0L, "");

    static final String CONNECT = "target:connect " + CommandSyntax.PROBE
            + " [-t TARGET] [-f|--frequency FREQ] [--protocol swd|jtag]";
    static final String DISCONNECT = "target:disconnect";
    static final String HALT = "target:halt " + CommandSyntax.PROBE;
    static final String GO = "target:go " + CommandSyntax.PROBE;
    static final String STEP = "target:step " + CommandSyntax.PROBE;
    static final String RESET = "target:reset " + CommandSyntax.PROBE + " [-h|--halt]";
    static final String STATUS = "target:status " + CommandSyntax.PROBE;
    static final String LIST = "target:list";

    private final CommandSessions sessions;
    private final TargetRegistry targets;
    private final OptionRegistry options;

    @Activate
    public TargetCommands(@Reference CommandSessions sessions, @Reference TargetRegistry targets,
            @Reference OptionRegistry options) {
        this.sessions = sessions;
        this.targets = targets;
        this.options = options;
    }

    @Descriptor("connect to the target behind a debug probe (halts it unless connect_mode says otherwise); "
            + "-t: target type (target:list), default the one the probe reports, else a generic Cortex-M; "
            + "-f: SWCLK/TCK in Hz (4000000, 4M, 400k), default option frequency; --protocol: default swd")
    public Object connect(@Descriptor(CONNECT) String... args) {
        return CommandSyntax.of(CONNECT).run(args, line -> {
            long clock = line.option("-f").map(TargetCommands::frequency).orElse(0L);
            Optional<WireProtocol> wire = line.option("--protocol").map(TargetCommands::protocol);
            DebugSession session = sessions.connect(line, wire, clock);
            String targetName = session.targetDescription().map(TargetDescription::name)
                    .orElse(session.probeDescription().target().map(t -> t + " (no pack: generic cortex_m)")
                            .orElse("cortex_m (generic)"));
            Object hz = clock > 0 ? clock : option(session, "frequency").orElse("?");
            return String.format("Connected to %s through %s %s over %s at %s Hz: %s", targetName,
                    session.probeDescription().displayName(), session.probeDescription().uniqueId(),
                    session.probe().protocol().map(Enum::name).orElse("?"), hz, session.target().description());
        });
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

    private static WireProtocol protocol(String text) {
        try {
            return WireProtocol.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ProbeException(e.getMessage());
        }
    }

    @Descriptor("close the session: detach from the target (it keeps running) and release the probe")
    public Object disconnect(@Descriptor(DISCONNECT) String... args) {
        return CommandSyntax.of(DISCONNECT).run(args, line -> {
            Optional<DebugSession> open = sessions.current();
            sessions.disconnect();
            return open.map(s -> "Disconnected from " + s.probeDescription().uniqueId()).orElse("No session is open");
        });
    }

    @Descriptor("halt the core")
    public Object halt(@Descriptor(HALT) String... args) {
        return CommandSyntax.of(HALT).run(args, line -> {
            CoreControl core = core(line);
            boolean already = core.isHalted();
            if (!already) {
                core.halt(HALT_TIMEOUT);
            }
            return (already ? "Already halted" : "Halted") + " at pc " + HexDump.hex32(pc(core));
        });
    }

    @Descriptor("let the core run")
    public Object go(@Descriptor(GO) String... args) {
        return CommandSyntax.of(GO).run(args, line -> {
            CoreControl core = core(line);
            if (!core.isHalted()) {
                return "Already running";
            }
            core.resume();
            return "Running";
        });
    }

    @Descriptor("execute one instruction (the core must be halted)")
    public Object step(@Descriptor(STEP) String... args) {
        return CommandSyntax.of(STEP).run(args, line -> {
            CoreControl core = halted(sessions.session(line), "step");
            long before = pc(core);
            core.step();
            return "Stepped: pc " + HexDump.hex32(before) + " -> " + HexDump.hex32(pc(core));
        });
    }

    @Descriptor("reset the target (reset_type option: sw or hw), and halt it at the first instruction with -h")
    public Object reset(@Descriptor(RESET) String... args) {
        return CommandSyntax.of(RESET).run(args, line -> {
            DebugSession session = sessions.session(line);
            CoreControl core = session.target().core();
            ResetType type = resetType(option(session, "reset_type").map(String::valueOf).orElse("sw"));
            if (line.flag("-h")) {
                core.resetAndHalt(type, HALT_TIMEOUT);
                return "Reset (" + label(type) + ") and halted at pc " + HexDump.hex32(pc(core));
            }
            core.reset(type);
            return "Reset (" + label(type) + "), running";
        });
    }

    @Descriptor("whether the core runs or is halted, why, and where")
    public Object status(@Descriptor(STATUS) String... args) {
        return CommandSyntax.of(STATUS).run(args, line -> {
            CoreControl core = core(line);
            if (!core.isHalted()) {
                return "Running";
            }
            String reason = core.haltReason().map(r -> r.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .orElse("unknown");
            return "Halted (" + reason + ") at pc " + HexDump.hex32(pc(core));
        });
    }

    @Descriptor("list the targets the installed target packs describe, and the generic cortex_m")
    public Object list(@Descriptor(LIST) String... args) {
        return CommandSyntax.of(LIST).run(args, line -> {
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
        });
    }

    /** The core, which must be halted for what the command does. */
    static CoreControl halted(DebugSession session, String what) {
        CoreControl core = session.target().core();
        if (!core.isHalted()) {
            throw new ProbeException("cannot " + what + ": the target is running (halt it first with target:halt)");
        }
        return core;
    }

    /** An option's value in the session, with the default of the bundle that declares it. */
    private Optional<Object> option(DebugSession session, String name) {
        return options.find(name).map(descriptor -> session.options().get(descriptor));
    }

    private CoreControl core(CommandLine line) {
        return sessions.session(line).target().core();
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
