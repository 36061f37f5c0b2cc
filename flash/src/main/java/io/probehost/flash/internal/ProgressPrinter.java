package io.probehost.flash.internal;

import java.io.PrintStream;

import io.probehost.flash.FlashPhase;
import io.probehost.flash.FlashProgressListener;

/**
 * Draws a progress bar (phase, bytes, percent, KB/s) on a terminal, redrawn in place with a carriage
 * return; prints nothing while the output is not a terminal (the command prints one summary line).
 */
final class ProgressPrinter implements FlashProgressListener {
    private static final int BAR_WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private FlashPhase phase;
    private long phaseStart;
    private int lastPermille = -1;
    private boolean drawn;

    ProgressPrinter(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void progress(FlashPhase current, long done, long total) {
        if (!terminal) {
            return;
        }
        if (current != phase) {
            if (drawn) {
                out.println();
            }
            phase = current;
            phaseStart = System.nanoTime();
            lastPermille = -1;
        }
        int permille = total <= 0 ? 1000 : (int) (done * 1000 / total);
        if (permille == lastPermille) {
            return;
        }
        lastPermille = permille;
        out.print('\r' + line(current, done, total, System.nanoTime() - phaseStart));
        out.flush();
        drawn = true;
    }

    /** Ends the last bar's line. */
    void finish() {
        if (drawn) {
            out.println();
            drawn = false;
        }
    }

    static String line(FlashPhase phase, long done, long total, long elapsedNanos) {
        int filled = total <= 0 ? BAR_WIDTH : (int) (done * BAR_WIDTH / total);
        double seconds = elapsedNanos / 1e9;
        String rate = seconds > 0.001 ? String.format("%.1f KB/s", done / 1024.0 / seconds) : "- KB/s";
        return String.format("%-7s [%s%s] %3d%% %,d/%,d bytes %s", phase.label(), "#".repeat(filled),
                " ".repeat(BAR_WIDTH - filled), total <= 0 ? 100 : done * 100 / total, done, total, rate);
    }
}
