package io.probehost.command;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * A progress bar for long work (label, bar, percent, bytes, KB/s), redrawn in place with a carriage
 * return on a terminal; prints nothing when the output is not a terminal, where the command prints
 * one summary line instead.
 */
public final class ProgressBar {
    private static final int BAR_WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final LongSupplier nanoClock;
    private String label;
    /** When the current step began: when the previous step was last seen, or when the bar was made. */
    private long start;
    private long lastUpdate;
    private int lastPermille = -1;
    private boolean drawn;

    public ProgressBar(PrintStream out, boolean terminal) {
        this(out, terminal, System::nanoTime);
    }

    ProgressBar(PrintStream out, boolean terminal, LongSupplier nanoClock) {
        this.out = out;
        this.terminal = terminal;
        this.nanoClock = nanoClock;
        this.lastUpdate = nanoClock.getAsLong();
    }

    /**
     * Shows {@code done} of {@code total} bytes of the step {@code step}; a new step starts a new line.
     * A step's rate counts from the end of the one before, so a step reported only once, done (one
     * sector), still shows its rate.
     */
    public void update(String step, long done, long total) {
        if (!terminal) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (!step.equals(label)) {
            if (drawn) {
                out.println();
            }
            label = step;
            start = lastUpdate;
            lastPermille = -1;
        }
        lastUpdate = now;
        int permille = total <= 0 ? 1000 : (int) (done * 1000 / total);
        if (permille == lastPermille) {
            return;
        }
        lastPermille = permille;
        out.print('\r' + line(step, done, total, now - start));
        out.flush();
        drawn = true;
    }

    /** Ends the last bar's line. */
    public void finish() {
        if (drawn) {
            out.println();
            drawn = false;
        }
    }

    /** One bar: {@code program [#####     ]  50% 1,024/2,048 bytes 12.5 KB/s}. */
    public static String line(String step, long done, long total, long elapsedNanos) {
        int filled = total <= 0 ? BAR_WIDTH : (int) (done * BAR_WIDTH / total);
        double seconds = elapsedNanos / 1e9;
        String rate = seconds > 0.001 ? String.format("%.1f KB/s", done / 1024.0 / seconds) : "- KB/s";
        return String.format("%-7s [%s%s] %3d%% %,d/%,d bytes %s", step, "#".repeat(filled),
                " ".repeat(BAR_WIDTH - filled), total <= 0 ? 100 : done * 100 / total, done, total, rate);
    }
}
