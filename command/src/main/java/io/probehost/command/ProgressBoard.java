package io.probehost.command;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Progress of several jobs at once (flashing many probes), one row each. On a terminal the rows stay
 * in place and each is redrawn where it is (ANSI cursor up and down); elsewhere each row prints a
 * plain line when one of its steps completes and when it ends, so a log reads in order. Thread-safe:
 * every job reports from its own thread.
 */
public final class ProgressBoard {
    private final PrintStream out;
    private final boolean terminal;
    private final List<Row> rows = new ArrayList<>();
    private final int labelWidth;

    /**
     * @param labels one per row, such as the probes' unique IDs; printed at once on a terminal
     */
    public ProgressBoard(PrintStream out, boolean terminal, List<String> labels) {
        this.out = out;
        this.terminal = terminal;
        this.labelWidth = labels.stream().mapToInt(String::length).max().orElse(0);
        long now = System.nanoTime();
        for (String label : labels) {
            rows.add(new Row(label, now));
        }
        if (terminal) {
            synchronized (this) {
                rows.forEach(row -> out.println(row.text("waiting")));
                out.flush();
            }
        }
    }

    /** Row {@code index} did {@code done} of {@code total} bytes of its step {@code step}. */
    public synchronized void update(int index, String step, long done, long total) {
        Row row = rows.get(index);
        long now = System.nanoTime();
        if (!step.equals(row.step)) {
            row.step = step;
            row.stepStart = row.lastUpdate;
            row.permille = -1;
            row.stepReported = false;
        }
        row.lastUpdate = now;
        int permille = total <= 0 ? 1000 : (int) (done * 1000 / total);
        if (permille == row.permille) {
            return;
        }
        row.permille = permille;
        String bar = ProgressBar.line(step, done, total, now - row.stepStart);
        if (terminal) {
            redraw(index, row.text(bar));
        } else if (done >= total && !row.stepReported) {
            row.stepReported = true;
            out.println(row.text(bar));
            out.flush();
        }
    }

    /** Row {@code index} ended: {@code outcome} (such as "done" or the error) replaces its bar. */
    public synchronized void finish(int index, String outcome) {
        Row row = rows.get(index);
        String text = row.text(outcome);
        if (terminal) {
            redraw(index, text);
        } else {
            out.println(text);
            out.flush();
        }
    }

    /** Rewrites row {@code index} in place: up to it, the line, back down below the last row. */
    private void redraw(int index, String text) {
        int up = rows.size() - index;
        out.print("\033[" + up + "A\r" + text + "\033[K\033[" + up + "B\r");
        out.flush();
    }

    private final class Row {
        private final String label;
        private String step;
        private long stepStart;
        private long lastUpdate;
        private int permille = -1;
        private boolean stepReported;

        Row(String label, long now) {
            this.label = label;
            this.stepStart = now;
            this.lastUpdate = now;
        }

        String text(String status) {
            return String.format("%-" + Math.max(1, labelWidth) + "s %s", label, status);
        }
    }
}
