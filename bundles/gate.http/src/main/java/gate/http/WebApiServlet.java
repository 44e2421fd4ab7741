package gate.http;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Serves Gate's web API on the OSGi servlet whiteboard (Felix HTTP Jetty). All decisions are made
 * by {@link WebApi}; this class only copies them to the servlet response.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("gate.http")
@HttpWhiteboardServletPattern("/gate-0/*")
public class WebApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient WebApi api = new WebApi();

    /** Handles every method itself: the API decides which are allowed (405 with Allow, §7.2). */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Reply reply = api.handle(request.getMethod(), request.getPathInfo(), request.getQueryString());
        response.setStatus(reply.status());
        response.setHeader("Server", "gate");
        for (Map.Entry<String, String> header : reply.headers().entrySet()) {
            response.setHeader(header.getKey(), header.getValue());
        }
        byte[] body = reply.body();
        response.setContentLength(body.length);
        if (!request.getMethod().equals("HEAD")) {
            response.getOutputStream().write(body);
        }
    }
}
