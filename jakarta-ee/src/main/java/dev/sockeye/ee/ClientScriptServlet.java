package dev.sockeye.ee;

import dev.sockeye.impl.client.IrisClientScript;
import dev.sockeye.impl.client.SockeyeClientScript;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * Serves one of the browser clients, {@code /iris-ws.js} or {@code /sockeye.js}, with
 * {@code Content-Type: application/javascript}, rendered for the application's event prefix. The
 * scripts come from the {@code sockeye-impl} jar ({@code META-INF/resources}); containers would
 * serve those files as they are, but with the default prefix only, and some with another content
 * type. The script is rendered once, when the servlet is made; requests only write its bytes.
 */
public final class ClientScriptServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The two scripts: where each is served, its servlet's name and how it is rendered. */
    enum Script {
        /** The Iris-compatible client, a global {@code Ws} class. */
        IRIS_WS("/iris-ws.js", "dev.sockeye.iris-ws.js", IrisClientScript::render),
        /** The modern client, an ES module; the prefix is its {@code prefix} option's default. */
        SOCKEYE("/sockeye.js", "dev.sockeye.sockeye.js", SockeyeClientScript::render);

        final String path;
        final String servletName;
        private final UnaryOperator<String> renderer;

        Script(String path, String servletName, UnaryOperator<String> renderer) {
            this.path = path;
            this.servletName = servletName;
            this.renderer = renderer;
        }
    }

    private final byte[] script;
    private final String etag;

    ClientScriptServlet(Script which, String prefix) {
        this.script = which.renderer.apply(prefix).getBytes(StandardCharsets.UTF_8);
        this.etag = "\"" + Integer.toHexString(Arrays.hashCode(script)) + "\"";
    }

    /** Maps the script's servlet at its path unless the application already has a servlet of that name. */
    static void register(ServletContext context, Script which, String prefix) {
        ServletRegistration.Dynamic registration = context.addServlet(which.servletName, new ClientScriptServlet(which, prefix));
        if (registration != null) {
            registration.addMapping(which.path);
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
