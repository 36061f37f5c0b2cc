package io.probehost.flash.internal;

import java.util.function.Function;

import io.probehost.api.job.JobHandle;
import io.probehost.api.job.JobRegistry;
import io.probehost.command.CommandFailure;
import io.probehost.flash.FlashProgressListener;

/**
 * Runs one probe's {@code flash:program} as a job of the registry (kind {@code flash}): the loader's
 * progress goes to the job as well as to the terminal, and the job ends with the summary or the error.
 */
final class FlashJobReport {
    static final String KIND = "flash";

    private FlashJobReport() {
    }

    static FlashCommands.Programmed run(JobRegistry jobs, String probe, FlashProgressListener terminal,
            Function<FlashProgressListener, FlashCommands.Programmed> program) {
        JobHandle job = jobs.start(KIND, probe);
        try {
            FlashCommands.Programmed programmed = program.apply((phase, done, total) -> {
                job.progress(phase.label(), done, total);
                terminal.progress(phase, done, total);
            });
            job.done(programmed.result().summary());
            return programmed;
        } catch (RuntimeException | Error e) {
            job.failed(CommandFailure.oneLine(e));
            throw e;
        }
    }
}
