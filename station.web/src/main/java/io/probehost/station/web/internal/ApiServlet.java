package io.probehost.station.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.annotations.RequireHttpWhiteboard;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code /api/probes}, {@code /api/sessions} and {@code /api/jobs}: JSON arrays of the items the page shows. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({ApiServlet.PROBES, ApiServlet.SESSIONS, ApiServlet.JOBS})
@RequireHttpWhiteboard
public final class ApiServlet extends HttpServlet {
    static final String PROBES = "/api/probes";
    static final String SESSIONS = "/api/sessions";
    static final String JOBS = "/api/jobs";
    private static final long serialVersionUID = 1L;

    private final transient StationStatus status;

    @Activate
    public ApiServlet(@Reference StationStatus status) {
        this.status = status;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object items = switch (request.getServletPath()) {
            case PROBES -> status.probes();
            case SESSIONS -> status.sessions();
            case JOBS -> status.jobs();
            default -> null;
        };
        if (items == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(StatusJson.write(items));
    }
}
