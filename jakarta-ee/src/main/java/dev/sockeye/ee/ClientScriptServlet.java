package dev.sockeye.ee;

import dev.sockeye.impl.client.IrisClientScript;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Serves the browser client at {@code /iris-ws.js} with {@code Content-Type: application/javascript},
 * rendered for the application's event prefix. The script comes from the {@code sockeye-impl} jar
 * ({@code META-INF/resources/iris-ws.js}); containers would serve that file as is, but with the
 * default prefix only, and some with another content type.
 */
public final class IrisScriptServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String PATH = "/iris-ws.js";
    private static final String NAME = "dev.sockeye.iris-ws.js";

    private final byte[] script;
    private final String etag;

    IrisScriptServlet(String prefix) {
        this.script = IrisClientScript.render(prefix).getBytes(StandardCharsets.UTF_8);
        this.etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(script)) + "\"";
    }

    /** Maps the servlet at {@value #PATH} unless the application already maps something there. */
    static void register(ServletContext context, String prefix) {
        ServletRegistration.Dynamic registration = context.addServlet(NAME, new IrisScriptServlet(prefix));
        if (registration != null) {
            registration.addMapping(PATH);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", "no-cache");
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType("application/javascript;charset=UTF-8");
        response.setContentLength(script.length);
        response.getOutputStream().write(script);
    }
}
