package io.probehost.station.web.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.probehost.api.host.ProbeEvent;
import io.probehost.api.job.Job;

/**
 * Events waiting for the next send. Probe arrivals and departures are all kept, in order; a job's
 * progress is coalesced, so that a flash reporting every page sends one event per job and per send,
 * with its latest state. Safe for the reporting threads and the sending thread.
 */
final class PendingEvents {
    private final List<SseEvent> probeEvents = new ArrayList<>();
    private final Map<Long, Job> jobs = new LinkedHashMap<>();

    synchronized void probe(ProbeEvent event) {
        probeEvents.add(SseEvent.json("probe", new ProbeChange(
                event.kind() == ProbeEvent.Kind.ARRIVED ? "arrived" : "departed", ProbeView.of(event.probe(), false))));
    }

    synchronized void job(Job job) {
        jobs.put(job.id(), job);
    }

    /** The events pending, probes first, and forgets them. */
    synchronized List<SseEvent> drain() {
        List<SseEvent> events = new ArrayList<>(probeEvents);
        for (Job job : jobs.values()) {
            events.add(SseEvent.json("job", JobView.of(job)));
        }
        probeEvents.clear();
        jobs.clear();
        return events;
    }

    /**
     * The data of a {@code probe} event.
     *
     * @param change {@code arrived} or {@code departed}
     * @param probe  the probe (its {@code session} field is false: see {@code /api/probes})
     */
    record ProbeChange(String change, ProbeView probe) {
    }
}
