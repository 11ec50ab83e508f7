package dev.sockeye.embedded;

import dev.sockeye.SockeyeEndpoint;
import dev.sockeye.impl.protocol.neffos.ReconnectProbePaths;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.List;

import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.server.StaticHttpHandler;
import org.glassfish.grizzly.http.util.HttpStatus;
import org.glassfish.tyrus.server.TyrusServerContainer;

/**
 * Answers a plain HTTP {@code HEAD} on the path of a neffos endpoint with {@code 302 Found}, as the
 * original neffos server does: neffos.js polls its endpoint with {@code HEAD} before it reconnects
 * (wire protocols §2.1). The paths are those of {@link ReconnectProbePaths}: {@code {template}}
 * paths matched segment by segment, an endpoint at the root path included, Iris endpoints never.
 * WebSocket upgrades never reach this handler (Tyrus's filter takes them first).
 *
 * <p>It has the server's root mapping and hands every other request to the static files, or
 * answers 404 as the server does without it. Tyrus keeps its Grizzly {@link HttpServer} private, so
 * the handler is added through its field; if a Tyrus version has none, Tyrus serves the static files
 * itself and the probe answers 404 (neffos.js reconnects on any HTTP answer), which a warning says.
 */
final class ReconnectProbes extends HttpHandler {

    private static final System.Logger LOG = System.getLogger(ReconnectProbes.class.getName());

    private final ReconnectProbePaths paths;
    /** The static files, or {@code null} for 404. */
    private final HttpHandler fallback;

    private ReconnectProbes(ReconnectProbePaths paths, HttpHandler fallback) {
        this.paths = paths;
        this.fallback = fallback;
    }

    /**
     * @return the field of Tyrus's Grizzly {@link HttpServer} in the container's class, or {@code null} if a
     *         Tyrus version has none
     */
    static Field httpServerField(TyrusServerContainer container) {
        for (Class<?> type = container.getClass(); type != null; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.getType() == HttpServer.class) {
                    return field;
                }
            }
        }
        return null;
    }

    /**
     * Takes the root mapping of a started container: the probes of its neffos endpoints, in front of
     * the static files under {@code staticRoot}; nothing when it has neither.
     *
     * @param httpServer {@link #httpServerField} of the container; {@code null} when there is none (a
     *                   warning then says that the probe answers 404)
     * @param staticRoot the folder of the static files, or {@code null} for none
     */
    static void install(Field httpServer, TyrusServerContainer container, String contextPath,
                        List<SockeyeEndpoint> endpoints, Path staticRoot) {
        ReconnectProbePaths paths = ReconnectProbePaths.of(contextPath, endpoints);
        HttpHandler files = staticRoot == null ? null : new StaticHttpHandler(staticRoot.toString());
        if (paths.isEmpty() && files == null) {
            return;
        }
        HttpServer server = null;
        if (httpServer != null) {
            try {
                httpServer.setAccessible(true);
                server = (HttpServer) httpServer.get(container);
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "cannot read Tyrus's Grizzly HttpServer", e);
            }
        }
        if (server == null) {
            LOG.log(System.Logger.Level.WARNING, "cannot reach Tyrus's Grizzly HttpServer: HEAD on a neffos endpoint "
                    + "answers 404 instead of 302 (neffos.js reconnects all the same)");
            return;
        }
        server.getServerConfiguration().addHttpHandler(paths.isEmpty() ? files : new ReconnectProbes(paths, files),
                HttpHandlerRegistration.ROOT);
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        if ("HEAD".equals(request.getMethod().getMethodString()) && paths.matches(request.getRequestURI())) {
            response.setStatus(HttpStatus.FOUND_302);
        } else if (fallback != null) {
            fallback.service(request, response);
        } else {
            response.setStatus(HttpStatus.NOT_FOUND_404);
        }
    }
}
