package io.probehost.shell.internal;

import java.io.PrintStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.probehost.api.host.ProbeEvent;
import io.probehost.api.host.ProbeMonitor;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.text.Numbers;
import io.probehost.command.CommandConsole;
import io.probehost.command.CommandSyntax;

/** {@code probe:watch}: probes arriving and departing, one line each, as they happen. */
@Component(service = ProbeWatchCommand.class, property = {"osgi.command.scope=probe",
        "osgi.command.function=watch"})
public final class ProbeWatchCommand {
    static final String WATCH = "probe:watch [--for SECONDS]";

    private final ProbeMonitor monitor;

    @Activate
    public ProbeWatchCommand(@Reference ProbeMonitor monitor) {
        this.monitor = monitor;
    }

    @Descriptor("print probes as they are plugged in ('+ UID PROBE TARGET') and unplugged ('- UID'), until Ctrl-C "
            + "or for SECONDS")
    public Object watch(CommandSession shell, @Descriptor(WATCH) String... args) {
        return CommandSyntax.of(WATCH).run(args, line -> {
            long seconds = line.option("--for").map(s -> Numbers.parse(s, "SECONDS")).orElse(Long.MAX_VALUE);
            if (seconds <= 0) {
                throw line.usageError("--for takes a positive number of seconds");
            }
            return watch(CommandConsole.out(shell), seconds);
        });
    }

    /** Prints the events until {@code seconds} have passed or the thread is interrupted; then how many. */
    String watch(PrintStream out, long seconds) {
        BlockingQueue<ProbeEvent> events = new LinkedBlockingQueue<>();
        int arrivals = 0;
        int departures = 0;
        try (ProbeMonitor.Watch watch = monitor.watch(events::add)) {
            out.println("Watching " + monitor.present().size() + " connected probes for arrivals and departures"
                    + (seconds == Long.MAX_VALUE ? " (Ctrl-C stops)" : " for " + seconds + " s"));
            out.flush();
            long deadline = seconds == Long.MAX_VALUE ? Long.MAX_VALUE
                    : System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (true) {
                long left = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                ProbeEvent event = events.poll(Math.min(left, TimeUnit.SECONDS.toNanos(1)), TimeUnit.NANOSECONDS);
                if (event == null) {
                    continue;
                }
                if (event.kind() == ProbeEvent.Kind.ARRIVED) {
                    arrivals++;
                } else {
                    departures++;
                }
                out.println(line(event));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return arrivals + (arrivals == 1 ? " arrival, " : " arrivals, ") + departures
                + (departures == 1 ? " departure" : " departures");
    }

    /** {@code + UID PROBE TARGET} for an arrival (target {@code n/a} when unknown), {@code - UID} for a departure. */
    static String line(ProbeEvent event) {
        ProbeDescription probe = event.probe();
        if (event.kind() == ProbeEvent.Kind.DEPARTED) {
            return "- " + probe.uniqueId();
        }
        return "+ " + probe.uniqueId() + " " + probe.displayName() + " "
                + (probe.targetType().isEmpty() ? "n/a" : probe.targetType());
    }
}
