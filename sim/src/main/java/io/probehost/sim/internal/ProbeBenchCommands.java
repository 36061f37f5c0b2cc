package io.probehost.sim.internal;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.probehost.api.ProbeException;
import io.probehost.api.host.ProbeSelector;
import io.probehost.api.host.SessionManager;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.text.Numbers;
import io.probehost.api.text.TextTable;
import io.probehost.command.CommandSyntax;

/** {@code probe:bench}: memory throughput of a lab probe over each of its transports, from the link model. */
@Component(service = ProbeBenchCommands.class, property = {"osgi.command.scope=probe", "osgi.command.function=bench"})
public final class ProbeBenchCommands {
    private final LabComponent lab;
    private final ProbeSelector selector;
    private final SessionManager sessions;

    @Activate
    public ProbeBenchCommands(@Reference LabComponent lab, @Reference ProbeSelector selector,
            @Reference SessionManager sessions) {
        this.lab = lab;
        this.selector = selector;
        this.sessions = sessions;
    }

    static final String BENCH = "probe:bench [-u UID] [-O name=value]";
    static final String DEFAULT_PROBE = "9900";

    @Descriptor("write and read 64 KiB of a lab target's RAM through a lab probe (CMSIS-DAP: v2 bulk and v1 HID; "
            + "ST-Link, J-Link, Picoprobe: USB bulk); print round trips against the protocol's floor and modelled "
            + "KB/s. -u: lab probe, chosen as every command chooses (part of its unique ID, or DRIVER:[ID] such as "
            + "jlink:; default 9900); -O: session options such as frequency=4000000")
    public Object bench(@Descriptor(BENCH) String... args) {
        return CommandSyntax.of(BENCH).run(args, line -> {
            ProbeDescription chosen = selector.select(line.uid().orElse(DEFAULT_PROBE), true);
            Lab.Probe probe = labProbe(lab, chosen, "probe:bench");
            ProbeBench bench = new ProbeBench(probe, chosen, sessions);
            TextTable table = new TextTable("Transport", "Direction", "Packet", "Round trips", "Minimum", "Over min",
                    "Bytes out", "Bytes in", "Wire bits", "Modelled ms", "KB/s").numeric(2, 3, 4, 5, 6, 7, 8, 9, 10);
            for (BenchTransport transport : probe.emulator().benchTransports()) {
                for (ProbeBench.Result result : bench.run(transport, line.sessionOptions())) {
                    table.row(result.transport(), result.direction(), result.packetSize(),
                            result.stats().roundTrips(), result.minimumRoundTrips(),
                            String.format("%.1f%%", result.overMinimumPercent()), result.stats().bytesOut(),
                            result.stats().bytesIn(), result.stats().wireBits(),
                            String.format("%.1f", result.stats().modelledNanos() / 1e6),
                            String.format("%.1f", result.modelledKiBPerSecond()));
                }
            }
            String clock = clock(line.sessionOptions().get("frequency"), probe.emulator().maxSwdClockHz());
            return "64 KiB through " + chosen.driver() + ":" + probe.serial() + " (" + probe.target().name()
                    + "), SWD at " + clock + "\n"
                    + table;
        });
    }

    /** The lab probe a driver lists as {@code chosen}; a real probe fails: {@code command} measures the lab's link model. */
    static Lab.Probe labProbe(LabComponent lab, ProbeDescription chosen, String command) {
        return lab.lab().probes().stream().filter(p -> p.serial().equalsIgnoreCase(chosen.uniqueId())).findFirst()
                .orElseThrow(() -> new ProbeException("probe " + chosen.driver() + ":" + chosen.uniqueId()
                        + " is not a lab probe; " + command + " measures the lab's link model"));
    }

    /** The clock the probe runs at: the one asked for, capped at the probe's maximum as the firmware does. */
    static String clock(String asked, long maxHz) {
        if (asked == null) {
            return "the session's clock (option frequency)";
        }
        long hz = Numbers.parse(asked, "frequency");
        return hz > maxHz ? maxHz + " Hz (" + hz + " Hz asked; the probe's maximum)" : hz + " Hz";
    }
}
