package io.probehost.station.web.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.probehost.api.host.ProbeMonitor;
import io.probehost.api.job.JobRegistry;

/**
 * The server-sent events of {@code /api/events}: probe arrivals and departures ({@code probe}), job
 * starts, progress and ends ({@code job}, coalesced per job), and the session list when it changed
 * ({@code sessions}, looked at every second: the session manager tells no one). One thread sends
 * to every client, {@link #SEND_MILLIS} apart at most.
 */
@Component(service = StatusEvents.class)
public final class StatusEvents {
    static final long SEND_MILLIS = 200;
    private static final long SESSIONS_MILLIS = 1000;
    private static final long KEEP_ALIVE_MILLIS = 15_000;

    /** Where one client's events go; false once the client has gone. */
    @FunctionalInterface
    interface EventSink {
        boolean send(String text);
    }

    private final StationStatus status;
    private final PendingEvents pending = new PendingEvents();
    private final List<EventSink> clients = new CopyOnWriteArrayList<>();
    private final ProbeMonitor.Watch probeWatch;
    private final JobRegistry.Watch jobWatch;
    private final ScheduledExecutorService sender;
    private volatile List<SessionView> lastSessions;

    @Activate
    public StatusEvents(@Reference StationStatus status) {
        this.status = status;
        this.lastSessions = status.sessions();
        this.probeWatch = status.monitor().watch(pending::probe);
        this.jobWatch = status.jobRegistry().watch(pending::job);
        this.sender = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "probehost-status-events");
            thread.setDaemon(true);
            return thread;
        });
        sender.scheduleWithFixedDelay(this::sendPending, SEND_MILLIS, SEND_MILLIS, TimeUnit.MILLISECONDS);
        sender.scheduleWithFixedDelay(this::lookAtSessions, SESSIONS_MILLIS, SESSIONS_MILLIS, TimeUnit.MILLISECONDS);
        sender.scheduleWithFixedDelay(() -> sendToAll(SseEvent.KEEP_ALIVE), KEEP_ALIVE_MILLIS, KEEP_ALIVE_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void stop() {
        probeWatch.close();
        jobWatch.close();
        sender.shutdownNow();
    }

    /** Adds a client; it gets the events from the next send on. */
    void subscribe(EventSink client) {
        clients.add(client);
    }

    private void sendPending() {
        StringBuilder text = new StringBuilder();
        for (SseEvent event : pending.drain()) {
            text.append(event.format());
        }
        if (text.length() > 0) {
            sendToAll(text.toString());
        }
    }

    private void lookAtSessions() {
        try {
            List<SessionView> now = status.sessions();
            if (!now.equals(lastSessions)) {
                lastSessions = now;
                sendToAll(SseEvent.json("sessions", now).format());
            }
        } catch (RuntimeException e) {
            // A session closing under the look: the next look sees the list settled.
        }
    }

    private void sendToAll(String text) {
        for (EventSink client : clients) {
            if (!client.send(text)) {
                clients.remove(client);
            }
        }
    }
}
