package io.probehost.itest.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A soak's figures: per kind of command the count, error lines, p50/p99/max wall time against its
 * bound; the station's resources at each sample; and the verdict. Resources count as flat when the
 * last sample stays within {@link #THREAD_TOLERANCE} threads, {@link #FD_TOLERANCE} open files and
 * {@link #HEAP_TOLERANCE} of the heap (plus {@link #HEAP_SLACK_KIB}) of the first sample after the
 * warm-up round.
 */
record SoakReport(int commands, int clients, long wallMillis, Map<String, KindFigures> kinds,
        List<ResourceSample> samples) {
    static final long THREAD_TOLERANCE = 4;
    static final long FD_TOLERANCE = 8;
    static final double HEAP_TOLERANCE = 0.25;
    static final long HEAP_SLACK_KIB = 4096;

    SoakReport {
        kinds = Map.copyOf(kinds);
        samples = List.copyOf(samples);
    }

    /** The sample the end is compared with: the first after the warm-up round (the start when there was none). */
    ResourceSample baseline() {
        return samples.get(samples.size() > 2 ? 1 : 0);
    }

    ResourceSample last() {
        return samples.get(samples.size() - 1);
    }

    /** Every broken rule: commands late, hung or with a bad output, and resources that grew. */
    List<String> failures() {
        List<String> failures = new ArrayList<>();
        kinds.values().forEach(kind -> failures.addAll(kind.failures()));
        ResourceSample base = baseline();
        ResourceSample end = last();
        if (end.threads() > base.threads() + THREAD_TOLERANCE) {
            failures.add("threads grew from " + base.threads() + " to " + end.threads());
        }
        if (end.fds() > base.fds() + FD_TOLERANCE) {
            failures.add("open files grew from " + base.fds() + " to " + end.fds());
        }
        if (end.heapKib() > base.heapKib() * (1 + HEAP_TOLERANCE) + HEAP_SLACK_KIB) {
            failures.add("heap after GC grew from " + base.heapKib() + " KiB to " + end.heapKib() + " KiB");
        }
        return failures;
    }

    String table() {
        StringBuilder text = new StringBuilder();
        text.append(String.format("Station soak: %d commands from %d clients in %.1f s%n%n", commands, clients,
                wallMillis / 1000.0));
        text.append(String.format("%-22s %6s %6s %8s %8s %8s %8s %6s%n", "Kind", "Runs", "Errors", "p50 ms",
                "p99 ms", "max ms", "bound ms", "Fails"));
        kinds.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            KindFigures kind = entry.getValue();
            text.append(String.format("%-22s %6d %6d %8d %8d %8d %8d %6d%n", entry.getKey(), kind.count(),
                    kind.errorCount(), kind.percentile(0.5), kind.percentile(0.99), kind.max(), kind.boundMillis(),
                    kind.failures().size()));
        });
        text.append(String.format("%n%-10s %8s %10s %6s%n", "Commands", "Threads", "Heap KiB", "FDs"));
        samples.forEach(sample -> text.append(String.format("%-10d %8d %10d %6d%n", sample.commands(),
                sample.threads(), sample.heapKib(), sample.fds())));
        text.append(String.format("%nError lines by kind:%n"));
        kinds.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> entry.getValue().errors()
                .forEach((line, count) -> text.append(String.format("  %-22s %5d  %s%n", entry.getKey(), count, line))));
        List<String> failures = failures();
        text.append(String.format("%nVerdict: %s (flat: end within %d threads, %d open files and %.0f%% + %d KiB heap"
                + " of the sample after warm-up)%n", failures.isEmpty() ? "PASS" : "FAIL", THREAD_TOLERANCE,
                FD_TOLERANCE, HEAP_TOLERANCE * 100, HEAP_SLACK_KIB));
        failures.stream().limit(50).forEach(failure -> text.append("  ").append(failure).append('\n'));
        return text.toString();
    }
}
