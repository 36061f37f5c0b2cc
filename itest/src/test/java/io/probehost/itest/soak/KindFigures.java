package io.probehost.itest.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The wall times, error lines and failures of one kind of command over a soak. */
final class KindFigures {
    private static final int ERROR_TEXT_LENGTH = 90;

    private final long boundMillis;
    private final List<Long> millis = new ArrayList<>();
    private final Map<String, Integer> errors = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();

    KindFigures(long boundMillis) {
        this.boundMillis = boundMillis;
    }

    synchronized void record(long elapsedMillis, StationProcess.Outcome outcome, String failure) {
        millis.add(elapsedMillis);
        if (outcome != null && outcome.status() != 0) {
            String line = outcome.err().strip();
            errors.merge(line.length() > ERROR_TEXT_LENGTH ? line.substring(0, ERROR_TEXT_LENGTH) + "..." : line, 1,
                    Integer::sum);
        }
        if (failure != null) {
            failures.add(failure);
        }
    }

    synchronized int count() {
        return millis.size();
    }

    synchronized int errorCount() {
        return errors.values().stream().mapToInt(Integer::intValue).sum();
    }

    synchronized Map<String, Integer> errors() {
        return Map.copyOf(errors);
    }

    synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    long boundMillis() {
        return boundMillis;
    }

    /** The wall time at or below which {@code fraction} of the commands ended (nearest rank). */
    synchronized long percentile(double fraction) {
        List<Long> sorted = millis.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(fraction * sorted.size()) - 1));
    }

    synchronized long max() {
        return millis.stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
