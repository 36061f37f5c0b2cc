package io.probehost.api.job;

import java.time.Instant;
import java.util.Optional;

/**
 * One long operation on one probe, as it stands at one moment: an immutable snapshot.
 *
 * @param id         unique in this runtime, increasing from 1
 * @param probe      the unique ID of the probe it works on
 * @param kind       what it does, such as {@code flash}
 * @param phase      the current step, such as {@code erase}, {@code program} or {@code verify}; empty before the first
 * @param bytesDone  bytes of the current phase done
 * @param bytesTotal bytes of the current phase in all; 0 when not known yet
 * @param started    when it started
 * @param ended      when it ended; null while it runs
 * @param state      running, done or failed
 * @param result     a line saying how it ended (the summary, or the error); empty while it runs
 */
public record Job(long id, String probe, String kind, String phase, long bytesDone, long bytesTotal, Instant started,
        Instant ended, State state, String result) {

    public enum State {
        RUNNING, DONE, FAILED
    }

    public Job {
        phase = phase == null ? "" : phase;
        result = result == null ? "" : result;
    }

    public Optional<Instant> endedAt() {
        return Optional.ofNullable(ended);
    }

    public Job withProgress(String newPhase, long done, long total) {
        return new Job(id, probe, kind, newPhase, done, total, started, ended, state, result);
    }

    public Job withEnd(State endState, String endResult, Instant at) {
        return new Job(id, probe, kind, phase, bytesDone, bytesTotal, started, at, endState, endResult);
    }
}
