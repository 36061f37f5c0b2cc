package io.probehost.station.web.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.probehost.api.host.DebugSession;
import io.probehost.api.host.ProbeMonitor;
import io.probehost.api.host.SessionManager;
import io.probehost.api.job.JobRegistry;

/** What the page shows, as read from the probe monitor, the session manager and the job registry now. */
@Component(service = StationStatus.class)
public final class StationStatus {
    private final ProbeMonitor monitor;
    private final SessionManager sessions;
    private final JobRegistry jobs;

    @Activate
    public StationStatus(@Reference ProbeMonitor monitor, @Reference SessionManager sessions,
            @Reference JobRegistry jobs) {
        this.monitor = monitor;
        this.sessions = sessions;
        this.jobs = jobs;
    }

    List<ProbeView> probes() {
        Set<String> withSession = sessions.sessions().stream().map(s -> s.probeDescription().uniqueId())
                .collect(Collectors.toSet());
        return monitor.present().stream().map(p -> ProbeView.of(p, withSession.contains(p.uniqueId()))).toList();
    }

    List<SessionView> sessions() {
        Optional<DebugSession> current = sessions.current();
        return sessions.sessions().stream()
                .map(s -> SessionView.of(s, current.map(c -> c == s).orElse(false))).toList();
    }

    List<JobView> jobs() {
        return jobs.jobs().stream().map(JobView::of).toList();
    }

    ProbeMonitor monitor() {
        return monitor;
    }

    JobRegistry jobRegistry() {
        return jobs;
    }
}
