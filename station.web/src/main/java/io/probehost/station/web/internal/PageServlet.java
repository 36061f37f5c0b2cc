package io.probehost.station.web.internal;

import java.io.IOException;
import java.io.InputStream;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code /}: the status page, one HTML file with its script inline (no other file, nothing from elsewhere). */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/")
public final class PageServlet extends HttpServlet {
    static final String PAGE = "status.html";
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        if (!path.equals("/") && !path.equals("/index.html")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("text/html;charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        try (InputStream page = PageServlet.class.getResourceAsStream(PAGE)) {
            if (page == null) {
                throw new IOException(PAGE + " is missing from the bundle");
            }
            page.transferTo(response.getOutputStream());
        }
    }
}
