package io.probehost.flash.internal;

import java.io.PrintStream;

import io.probehost.command.ProgressBar;
import io.probehost.flash.FlashPhase;
import io.probehost.flash.FlashProgressListener;

/** The flash loader's progress on the shared {@link ProgressBar}: one bar per phase, on a terminal only. */
final class ProgressPrinter implements FlashProgressListener {
    private final ProgressBar bar;

    ProgressPrinter(PrintStream out, boolean terminal) {
        this.bar = new ProgressBar(out, terminal);
    }

    @Override
    public void progress(FlashPhase current, long done, long total) {
        bar.update(current.label(), done, total);
    }

    /** Ends the last bar's line. */
    void finish() {
        bar.finish();
    }

    static String line(FlashPhase phase, long done, long total, long elapsedNanos) {
        return ProgressBar.line(phase.label(), done, total, elapsedNanos);
    }
}
