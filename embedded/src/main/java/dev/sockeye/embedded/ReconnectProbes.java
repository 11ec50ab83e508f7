package dev.sockeye.embedded;

import dev.sockeye.SockeyeEndpoint;

import java.lang.reflect.Field;
import java.util.List;

import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.util.HttpStatus;
import org.glassfish.tyrus.server.TyrusServerContainer;

/**
 * Answers a plain HTTP {@code HEAD} on every endpoint path with {@code 302 Found}, as the original
 * neffos server does: neffos.js polls its endpoint with {@code HEAD} before it reconnects (wire
 * protocols §2.1). Other non-upgrade requests there get 404, as before. WebSocket upgrades never
 * reach this handler (Tyrus's filter takes them first). Endpoints at the root path or with
 * {@code {template}} variables are left alone (the probe then gets 404, on which neffos.js
 * reconnects all the same).
 *
 * <p>Tyrus keeps its Grizzly {@link HttpServer} private, so the handler is added through its field;
 * if a Tyrus version renames it, the probe answers 404 instead (neffos.js reconnects on any HTTP
 * answer), and a warning says so.
 */
final class ReconnectProbes extends HttpHandler {

    private static final System.Logger LOG = System.getLogger(ReconnectProbes.class.getName());

    private ReconnectProbes() {
    }

    /** Adds the handler at each endpoint path below the context path of a started container. */
    static void install(TyrusServerContainer container, String contextPath, List<SockeyeEndpoint> endpoints) {
        HttpServer server = httpServer(container);
        if (server == null) {
            return;
        }
        String context = contextPath.endsWith("/") ? contextPath.substring(0, contextPath.length() - 1) : contextPath;
        // the root would shadow every static file, and Grizzly mappings know no {templates}: skip both
        String[] paths = endpoints.stream().map(e -> context + e.path())
                .filter(path -> path.length() > 1 && path.indexOf('{') < 0).distinct().toArray(String[]::new);
        if (paths.length > 0) {
            server.getServerConfiguration().addHttpHandler(new ReconnectProbes(), paths);
        }
    }

    private static HttpServer httpServer(TyrusServerContainer container) {
        for (Class<?> type = container.getClass(); type != null; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.getType() == HttpServer.class) {
                    try {
                        field.setAccessible(true);
                        return (HttpServer) field.get(container);
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        break;
                    }
                }
            }
        }
        LOG.log(System.Logger.Level.WARNING, "cannot reach Tyrus's Grizzly HttpServer: HEAD on an endpoint answers "
                + "404 instead of 302 (neffos.js reconnects all the same)");
        return null;
    }

    @Override
    public void service(Request request, Response response) {
        if ("HEAD".equals(request.getMethod().getMethodString())) {
            response.setStatus(HttpStatus.FOUND_302);
        } else {
            response.setStatus(HttpStatus.NOT_FOUND_404);
        }
    }
}
