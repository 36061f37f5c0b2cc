package io.probehost.flash.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.probehost.api.ProbeException;
import io.probehost.api.host.DebugSession;
import io.probehost.api.host.ProbeRegistry;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.text.TextTable;
import io.probehost.command.CommandFailure;
import io.probehost.command.CommandSessions;
import io.probehost.command.ProcessCpu;
import io.probehost.command.ProgressBoard;

/**
 * {@code flash:program --all}: the same file into every matching probe at the same time, one thread
 * and one session per probe, one progress row each, then a table of results. A probe that fails
 * (busy, refused, the image does not fit its target) does not stop the others; the command fails
 * when any did, after the table.
 */
final class FlashAll {
    private final CommandSessions sessions;
    private final ProbeRegistry probes;

    /** How flashing one probe ended. */
    record Outcome(ProbeDescription probe, String target, boolean ok, String result, long bytes, long nanos) {
    }

    FlashAll(CommandSessions sessions, ProbeRegistry probes) {
        this.sessions = sessions;
        this.probes = probes;
    }

    /**
     * With {@code -t TARGET}: the probes that report that target, and those that report none (a
     * stand-alone probe is told it); without: every probe that reports a target. {@code -u} keeps
     * those whose unique ID contains it.
     */
    static List<ProbeDescription> matching(List<ProbeDescription> listed, Optional<String> uid,
            Optional<String> target) {
        String part = uid.map(u -> u.toLowerCase(Locale.ROOT)).orElse("");
        return listed.stream()
                .filter(p -> p.uniqueId().toLowerCase(Locale.ROOT).contains(part))
                .filter(p -> target.map(t -> p.targetType().isEmpty() || p.targetType().equalsIgnoreCase(t))
                        .orElse(!p.targetType().isEmpty()))
                .toList();
    }

    String program(FlashCommands.Job job, PrintStream out, boolean terminal) {
        List<ProbeDescription> chosen = matching(probes.probes().probes(), job.line().uid(), job.line().target());
        if (chosen.isEmpty()) {
            throw new ProbeException("no connected probe " + job.line().target()
                    .map(t -> "reports target " + t + " or none").orElse("reports its target (name one with -t)"));
        }
        ProgressBoard board = new ProgressBoard(out, terminal, chosen.stream().map(ProbeDescription::uniqueId).toList());
        long cpuBefore = ProcessCpu.nanos();
        long start = System.nanoTime();
        List<Outcome> outcomes = runAll(job, chosen, board);
        long wallNanos = System.nanoTime() - start;
        long cpuNanos = cpuBefore < 0 ? -1 : ProcessCpu.nanos() - cpuBefore;
        String report = table(outcomes) + "\n" + totals(outcomes, wallNanos, cpuNanos);
        long failed = outcomes.stream().filter(o -> !o.ok()).count();
        if (failed > 0) {
            out.println(report);
            out.flush();
            throw new ProbeException(failed + " of " + outcomes.size() + " probes failed: " + String.join(", ",
                    outcomes.stream().filter(o -> !o.ok()).map(o -> o.probe().uniqueId()).toList()));
        }
        return report;
    }

    private List<Outcome> runAll(FlashCommands.Job job, List<ProbeDescription> chosen, ProgressBoard board) {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(chosen.size(), r -> {
            Thread thread = new Thread(r, "probehost-flash-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Outcome>> running = new ArrayList<>();
            for (int i = 0; i < chosen.size(); i++) {
                int row = i;
                ProbeDescription probe = chosen.get(i);
                running.add(pool.submit(() -> programOne(job, probe, row, board)));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> outcome : running) {
                outcomes.add(outcome.get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProbeException("interrupted: flashing stopped on every probe");
        } catch (ExecutionException e) {
            throw new ProbeException(CommandFailure.oneLine(e.getCause()), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Outcome programOne(FlashCommands.Job job, ProbeDescription probe, int row, ProgressBoard board) {
        long start = System.nanoTime();
        String target = job.line().target().orElse(probe.targetType());
        try {
            DebugSession session = sessions.session(job.line(), probe);
            FlashCommands.Programmed done = job.programOn(session,
                    (phase, bytes, total) -> board.update(row, phase.label(), bytes, total));
            long nanos = System.nanoTime() - start;
            board.finish(row, "done: " + done.result().summary());
            return new Outcome(probe, done.target().name(), true, "ok", done.image().size(), nanos);
        } catch (RuntimeException e) {
            String message = CommandFailure.oneLine(e);
            board.finish(row, "failed: " + message);
            return new Outcome(probe, target, false, message, 0, System.nanoTime() - start);
        }
    }

    static String table(List<Outcome> outcomes) {
        TextTable table = new TextTable("Probe", "Target", "Result", "Bytes", "Time s", "KB/s").numeric(3, 4, 5);
        for (Outcome o : outcomes) {
            double seconds = o.nanos() / 1e9;
            table.row(o.probe().uniqueId(), o.target(), o.result(), o.bytes(), String.format("%.2f", seconds),
                    o.ok() && seconds > 0 ? String.format("%.1f", o.bytes() / 1024.0 / seconds) : "-");
        }
        return table.toString();
    }

    /** One line: how many probes, the wall time, the bytes a second all together, the CPU the process used. */
    static String totals(List<Outcome> outcomes, long wallNanos, long cpuNanos) {
        long ok = outcomes.stream().filter(Outcome::ok).count();
        long bytes = outcomes.stream().mapToLong(Outcome::bytes).sum();
        double wall = wallNanos / 1e9;
        String cpu = cpuNanos < 0 ? "CPU time unknown" : String.format("CPU %.2f s, %.0f%% of %d cores",
                cpuNanos / 1e9, 100.0 * cpuNanos / wallNanos / ProcessCpu.cores(), ProcessCpu.cores());
        return String.format("Programmed %d of %d probes in %.2f s wall (%.1f KB/s together; %s)", ok,
                outcomes.size(), wall, bytes / 1024.0 / wall, cpu);
    }
}
