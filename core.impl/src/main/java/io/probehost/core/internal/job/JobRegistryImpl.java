package io.probehost.core.internal.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.probehost.api.job.Job;
import io.probehost.api.job.JobHandle;
import io.probehost.api.job.JobListener;
import io.probehost.api.job.JobRegistry;

/**
 * Jobs in memory. An ended job is kept for {@link #KEEP_ENDED} after its end, and at most the last
 * {@link #MAX_ENDED} of them, so that a page opened after a flash still shows how it ended.
 * Listeners are called on the reporting thread, after the change is recorded.
 */
@Component(service = JobRegistry.class)
public final class JobRegistryImpl implements JobRegistry {
    static final Duration KEEP_ENDED = Duration.ofMinutes(30);
    static final int MAX_ENDED = 200;

    private final Clock clock;
    private final Map<Long, Job> jobs = new LinkedHashMap<>();
    private final List<JobListener> listeners = new CopyOnWriteArrayList<>();
    private long lastId;

    @Activate
    public JobRegistryImpl() {
        this(Clock.systemUTC());
    }

    JobRegistryImpl(Clock clock) {
        this.clock = clock;
    }

    @Override
    public JobHandle start(String kind, String probe) {
        Job job;
        synchronized (jobs) {
            job = new Job(++lastId, probe, kind, "", 0, 0, clock.instant(), null, Job.State.RUNNING, "");
            jobs.put(job.id(), job);
        }
        tell(job);
        return new Handle(job);
    }

    @Override
    public List<Job> jobs() {
        synchronized (jobs) {
            forgetOld();
            return List.copyOf(jobs.values());
        }
    }

    @Override
    public Watch watch(JobListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void forgetOld() {
        Instant oldest = clock.instant().minus(KEEP_ENDED);
        List<Long> ended = new ArrayList<>();
        for (Job job : jobs.values()) {
            if (job.ended() != null) {
                ended.add(job.id());
            }
        }
        int excess = ended.size() - MAX_ENDED;
        for (Long id : ended) {
            if (excess-- > 0 || jobs.get(id).ended().isBefore(oldest)) {
                jobs.remove(id);
            }
        }
    }

    /** Replaces the running job {@code id} with what {@code change} makes of it; null when it has ended. */
    private Job update(long id, UnaryOperator<Job> change) {
        Job changed;
        synchronized (jobs) {
            Job job = jobs.get(id);
            if (job == null || job.state() != Job.State.RUNNING) {
                return null;
            }
            changed = change.apply(job);
            jobs.put(id, changed);
            if (changed.ended() != null) {
                forgetOld();
            }
        }
        tell(changed);
        return changed;
    }

    private void tell(Job job) {
        for (JobListener listener : listeners) {
            listener.jobChanged(job);
        }
    }

    private final class Handle implements JobHandle {
        private final long id;
        private volatile Job last;

        Handle(Job started) {
            this.id = started.id();
            this.last = started;
        }

        /** The job as last reported through this handle (also once the registry has forgotten it). */
        @Override
        public Job job() {
            return last;
        }

        @Override
        public void progress(String phase, long done, long total) {
            remember(update(id, job -> job.withProgress(phase, done, total)));
        }

        @Override
        public void done(String result) {
            remember(update(id, job -> job.withEnd(Job.State.DONE, result, clock.instant())));
        }

        @Override
        public void failed(String message) {
            remember(update(id, job -> job.withEnd(Job.State.FAILED, message, clock.instant())));
        }

        private void remember(Job job) {
            if (job != null) {
                last = job;
            }
        }
    }
}
