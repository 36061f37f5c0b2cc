package io.probehost.station.web.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletAsyncSupported;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code /api/events}: a {@code text/event-stream} that stays open (see {@link StatusEvents}). */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/events")
@HttpWhiteboardServletAsyncSupported
public final class EventsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient StatusEvents events;

    @Activate
    public EventsServlet(@Reference StatusEvents events) {
        this.events = events;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/event-stream");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        PrintWriter writer = response.getWriter();
        // Something at once, so that the browser sees the stream open (and the page reloads its lists).
        writer.write(SseEvent.json("hello", "status").format());
        writer.flush();
        events.subscribe(text -> {
            writer.write(text);
            writer.flush();
            if (writer.checkError()) {
                async.complete();
                return false;
            }
            return true;
        });
    }
}
