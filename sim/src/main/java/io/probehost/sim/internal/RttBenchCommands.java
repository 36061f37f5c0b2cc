package io.probehost.sim.internal;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.probehost.api.host.ProbeSelector;
import io.probehost.api.host.SessionManager;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.text.TextTable;
import io.probehost.command.CommandConsole;
import io.probehost.command.CommandSyntax;

/** {@code rtt:bench}: RTT streaming from a lab target against its probe's modelled read bandwidth. */
@Component(service = RttBenchCommands.class, property = {"osgi.command.scope=rtt", "osgi.command.function=bench"})
public final class RttBenchCommands {
    static final String BENCH = "rtt:bench [-u UID] [-O name=value] FILE";
    private final LabComponent lab;
    private final ProbeSelector selector;
    private final SessionManager sessions;

    @Activate
    public RttBenchCommands(@Reference LabComponent lab, @Reference ProbeSelector selector,
            @Reference SessionManager sessions) {
        this.lab = lab;
        this.selector = selector;
        this.sessions = sessions;
    }

    @Descriptor("load FILE (examples/rtt-bench.elf on the micro:bit, examples/nucleo-rtt-bench.elf on the Nucleo) "
            + "into a lab target and stream its RTT log as rtt:attach does: a busy log in block and in skip mode and a "
            + "line every 3 ms; print bytes/s against the probe's modelled read bandwidth, bytes lost and line latency, "
            + "all in modelled time. -u: lab probe (default 9900); -O: session options such as frequency=4000000")
    public Object bench(CommandSession shell, @Descriptor(BENCH) String... args) {
        return CommandSyntax.of(BENCH).run(args, line -> {
            ProbeDescription chosen = selector.select(line.uid().orElse(ProbeBenchCommands.DEFAULT_PROBE), true);
            Lab.Probe probe = ProbeBenchCommands.labProbe(lab, chosen, "rtt:bench");
            RttBench.Report report = new RttBench(probe, chosen, sessions)
                    .run(CommandConsole.file(shell, line.argument(0)), line.sessionOptions());
            TextTable table = new TextTable("Log", "Bytes", "Modelled ms", "KB/s", "Of bandwidth", "Lost bytes",
                    "Dropped lines", "Polls", "Round trips", "Mean latency ms", "Max latency ms")
                    .numeric(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
            for (RttBench.Phase phase : report.phases()) {
                table.row(phase.name(), phase.bytes(), String.format("%.1f", phase.nanos() / 1e6),
                        String.format("%.1f", phase.bytesPerSecond() / 1024),
                        String.format("%.1f%%", 100 * phase.bytesPerSecond() / report.readBytesPerSecond()),
                        phase.lostBytes(), phase.droppedLines(), phase.polls(), phase.link().roundTrips(),
                        String.format("%.2f", phase.meanLatencyNanos() / 1e6),
                        String.format("%.2f", phase.maxLatencyNanos() / 1e6));
            }
            return String.format("RTT through %s:%s (%s); read bandwidth %.1f KB/s (64 KiB of RAM in 16 KiB reads)%n%s",
                    chosen.driver(), probe.serial(), probe.target().name(), report.readBytesPerSecond() / 1024, table);
        });
    }
}
