package io.probehost.station.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.probehost.api.job.Job;
import io.probehost.api.probe.ProbeDescription;

class StatusJsonTest {
    private static final Instant START = Instant.parse("2026-12-05T01:00:00Z");

    @Test
    void probeHasItsDocumentedFieldsInOrder() {
        ProbeDescription probe = new ProbeDescription("cmsisdap", "PHLAB0001", "Probehost Lab", "Lab CMSIS-DAP",
                "Nordic Semiconductor", "nRF51-DK", "nrf51822_xxaa", "lab:1-2");
        assertEquals("{\"uid\":\"PHLAB0001\",\"driver\":\"cmsisdap\",\"name\":\"Probehost Lab Lab CMSIS-DAP\","
                + "\"board\":\"Nordic Semiconductor nRF51-DK\",\"target\":\"nrf51822_xxaa\",\"location\":\"lab:1-2\","
                + "\"session\":true}", StatusJson.write(ProbeView.of(probe, true)));
    }

    @Test
    void probeWithoutBoardOrTargetHasEmptyStrings() {
        ProbeDescription probe = new ProbeDescription("jlink", "000261012345", "SEGGER", "J-Link", null, null, null,
                null);
        ProbeView view = ProbeView.of(probe, false);
        assertEquals("", view.board());
        assertEquals("", view.target());
    }

    @Test
    void runningJobHasAPercentAndANullEnd() {
        Job job = new Job(3, "9900", "flash", "program", 256, 1024, START, null, Job.State.RUNNING, "");
        assertEquals("{\"id\":3,\"probe\":\"9900\",\"kind\":\"flash\",\"phase\":\"program\",\"bytesDone\":256,"
                + "\"bytesTotal\":1024,\"percent\":25,\"state\":\"running\",\"started\":\"2026-12-05T01:00:00Z\","
                + "\"ended\":null,\"result\":\"\"}", StatusJson.write(JobView.of(job)));
    }

    @Test
    void jobPercentIsZeroBeforeAnyTotalAndHundredOnceDone() {
        Job fresh = new Job(1, "A", "flash", "", 0, 0, START, null, Job.State.RUNNING, "");
        assertEquals(0, JobView.of(fresh).percent());
        Job done = fresh.withProgress("verify", 10, 1024).withEnd(Job.State.DONE, "ok", START.plusSeconds(1));
        assertEquals(100, JobView.of(done).percent());
        assertEquals("2026-12-05T01:00:01Z", JobView.of(done).ended());
        Job failed = fresh.withProgress("erase", 512, 1024).withEnd(Job.State.FAILED, "busy", START);
        assertEquals(50, JobView.of(failed).percent());
        assertEquals("failed", JobView.of(failed).state());
    }

    @Test
    void sessionsAreAnArrayOfTheirFields() {
        assertEquals("[{\"probe\":\"9900\",\"target\":\"nrf51822_xxaa\",\"open\":true,\"current\":false}]",
                StatusJson.write(List.of(new SessionView("9900", "nrf51822_xxaa", true, false))));
    }
}
