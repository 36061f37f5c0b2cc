package io.probehost.station.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.probehost.api.host.ProbeEvent;
import io.probehost.api.job.Job;
import io.probehost.api.probe.ProbeDescription;

class PendingEventsTest {
    private static final ProbeDescription PROBE = new ProbeDescription("cmsisdap", "PHLAB0001", "Lab", "CMSIS-DAP",
            "", "", "nrf51822_xxaa", "lab:1-2");
    private final PendingEvents pending = new PendingEvents();

    @Test
    void jobProgressIsCoalescedToTheLatestPerJob() {
        Job job = new Job(1, "A", "flash", "", 0, 0, Instant.EPOCH, null, Job.State.RUNNING, "");
        pending.job(job.withProgress("erase", 512, 1024));
        pending.job(job.withProgress("program", 256, 1024));
        pending.job(new Job(2, "B", "flash", "", 0, 0, Instant.EPOCH, null, Job.State.RUNNING, ""));
        List<SseEvent> events = pending.drain();
        assertEquals(2, events.size());
        assertEquals("job", events.get(0).name());
        assertEquals(StatusJson.write(JobView.of(job.withProgress("program", 256, 1024))), events.get(0).data());
        assertEquals(List.of(), pending.drain());
    }

    @Test
    void probeArrivalsAndDeparturesAreAllKeptInOrderBeforeJobs() {
        pending.job(new Job(1, "A", "flash", "", 0, 0, Instant.EPOCH, null, Job.State.RUNNING, ""));
        pending.probe(new ProbeEvent(ProbeEvent.Kind.DEPARTED, PROBE));
        pending.probe(new ProbeEvent(ProbeEvent.Kind.ARRIVED, PROBE));
        List<String> names = pending.drain().stream().map(e -> e.name() + " " + e.data().substring(0, 20)).toList();
        assertEquals(List.of("probe {\"change\":\"departed\"", "probe {\"change\":\"arrived\",", "job {\"id\":1,\"probe\":\"A\","),
                names);
    }
}
