package io.probehost.core.internal.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.probehost.api.job.Job;
import io.probehost.api.job.JobHandle;
import io.probehost.api.job.JobRegistry;

class JobRegistryImplTest {
    private final MovableClock clock = new MovableClock();
    private final JobRegistryImpl registry = new JobRegistryImpl(clock);

    @Test
    void jobRecordsProgressThenItsEnd() {
        JobHandle handle = registry.start("flash", "9900");
        handle.progress("erase", 512, 1024);
        Job running = registry.jobs().get(0);
        assertEquals(1, running.id());
        assertEquals("9900", running.probe());
        assertEquals("erase", running.phase());
        assertEquals(512, running.bytesDone());
        assertEquals(1024, running.bytesTotal());
        assertEquals(Job.State.RUNNING, running.state());
        assertNull(running.ended());

        clock.advance(Duration.ofSeconds(2));
        handle.done("1 sector written");
        Job ended = registry.jobs().get(0);
        assertEquals(Job.State.DONE, ended.state());
        assertEquals("1 sector written", ended.result());
        assertEquals(Duration.ofSeconds(2), Duration.between(ended.started(), ended.ended()));
    }

    @Test
    void reportsAfterTheEndAreIgnored() {
        JobHandle handle = registry.start("flash", "9900");
        handle.failed("probe busy");
        handle.progress("program", 10, 20);
        handle.done("ok");
        Job job = registry.jobs().get(0);
        assertEquals(Job.State.FAILED, job.state());
        assertEquals("probe busy", job.result());
        assertEquals("", job.phase());
    }

    @Test
    void listenersSeeStartProgressAndEndInOrderUntilTheWatchCloses() {
        List<String> seen = new ArrayList<>();
        JobRegistry.Watch watch = registry.watch(job -> seen.add(job.id() + " " + job.state() + " " + job.bytesDone()));
        JobHandle handle = registry.start("flash", "A");
        handle.progress("program", 4, 8);
        handle.done("ok");
        watch.close();
        registry.start("flash", "B");
        assertEquals(List.of("1 RUNNING 0", "1 RUNNING 4", "1 DONE 4"), seen);
    }

    @Test
    void endedJobsAreForgottenAfterTheirTimeRunningOnesNever() {
        JobHandle old = registry.start("flash", "A");
        JobHandle running = registry.start("flash", "B");
        old.done("ok");
        clock.advance(JobRegistryImpl.KEEP_ENDED.plusSeconds(1));
        List<Job> jobs = registry.jobs();
        assertEquals(1, jobs.size());
        assertEquals("B", jobs.get(0).probe());
        assertEquals("B", running.job().probe());
        assertEquals(Job.State.DONE, old.job().state());
    }

    @Test
    void onlyTheLastEndedJobsAreKept() {
        for (int i = 0; i < JobRegistryImpl.MAX_ENDED + 5; i++) {
            registry.start("flash", "P" + i).done("ok");
        }
        List<Job> jobs = registry.jobs();
        assertEquals(JobRegistryImpl.MAX_ENDED, jobs.size());
        assertEquals("P5", jobs.get(0).probe());
        assertTrue(jobs.stream().allMatch(j -> j.state() == Job.State.DONE));
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-05T01:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
