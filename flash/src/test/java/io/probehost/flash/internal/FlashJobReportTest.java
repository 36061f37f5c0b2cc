package io.probehost.flash.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.probehost.api.ProbeException;
import io.probehost.api.job.Job;
import io.probehost.api.job.JobHandle;
import io.probehost.api.job.JobListener;
import io.probehost.api.job.JobRegistry;
import io.probehost.flash.FlashPhase;
import io.probehost.flash.FlashProgressListener;
import io.probehost.flash.FlashResult;
import io.probehost.flash.format.FirmwareImage;

class FlashJobReportTest {
    private final RecordingJobs jobs = new RecordingJobs();

    @Test
    void progressReachesTheJobAndTheTerminalAndTheJobEndsWithTheSummary() {
        List<String> terminal = new ArrayList<>();
        FlashResult result = new FlashResult(1, 0, 1, 1024, 1024, false);
        FlashJobReport.run(jobs, "9900", (phase, done, total) -> terminal.add(phase.label() + " " + done), listener -> {
            listener.progress(FlashPhase.ERASE, 1024, 1024);
            listener.progress(FlashPhase.PROGRAM, 512, 1024);
            return new FlashCommands.Programmed(FirmwareImage.builder("x.hex").build(), null, result);
        });
        assertEquals(List.of("erase 1024", "program 512"), terminal);
        assertEquals(List.of("start flash 9900", "erase 1024/1024", "program 512/1024", "done " + result.summary()),
                jobs.reports);
    }

    @Test
    void aFailureEndsTheJobWithItsMessageAndStillThrows() {
        ProbeException thrown = assertThrows(ProbeException.class, () -> FlashJobReport.run(jobs, "0670",
                FlashProgressListener.NONE, listener -> {
                    throw new ProbeException("probe 0670 is busy");
                }));
        assertEquals("probe 0670 is busy", thrown.getMessage());
        assertEquals(List.of("start flash 0670", "failed probe 0670 is busy"), jobs.reports);
    }

    /** Records what is reported, in order. */
    private static final class RecordingJobs implements JobRegistry {
        final List<String> reports = new ArrayList<>();

        @Override
        public JobHandle start(String kind, String probe) {
            reports.add("start " + kind + " " + probe);
            return new JobHandle() {
                @Override
                public Job job() {
                    return null;
                }

                @Override
                public void progress(String phase, long done, long total) {
                    reports.add(phase + " " + done + "/" + total);
                }

                @Override
                public void done(String result) {
                    reports.add("done " + result);
                }

                @Override
                public void failed(String message) {
                    reports.add("failed " + message);
                }
            };
        }

        @Override
        public List<Job> jobs() {
            return List.of();
        }

        @Override
        public Watch watch(JobListener listener) {
            return () -> { };
        }
    }
}
