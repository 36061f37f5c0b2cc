package io.probehost.station.web.internal;

import io.probehost.api.job.Job;

/**
 * One job in {@code /api/jobs} and in the {@code job} event.
 *
 * @param id         unique in the station's run
 * @param probe      the unique ID of the probe it works on
 * @param kind       {@code flash}
 * @param phase      {@code erase}, {@code program} or {@code verify}; empty before the first
 * @param bytesDone  bytes of the phase done
 * @param bytesTotal bytes of the phase in all (0 before the first)
 * @param percent    bytesDone of bytesTotal, 0 to 100; 100 once done
 * @param state      {@code running}, {@code done} or {@code failed}
 * @param started    ISO-8601 UTC time it started
 * @param ended      ISO-8601 UTC time it ended; null while it runs
 * @param result     the summary or the error once ended; empty while it runs
 */
record JobView(long id, String probe, String kind, String phase, long bytesDone, long bytesTotal, int percent,
        String state, String started, String ended, String result) {

    static JobView of(Job job) {
        int percent = job.state() == Job.State.DONE ? 100
                : job.bytesTotal() <= 0 ? 0 : (int) Math.min(100, job.bytesDone() * 100 / job.bytesTotal());
        return new JobView(job.id(), job.probe(), job.kind(), job.phase(), job.bytesDone(), job.bytesTotal(), percent,
                job.state().name().toLowerCase(java.util.Locale.ROOT), job.started().toString(),
                job.endedAt().map(Object::toString).orElse(null), job.result());
    }
}
