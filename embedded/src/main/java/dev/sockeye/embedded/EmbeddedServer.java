package dev.sockeye.embedded;

import dev.sockeye.SockeyeEndpoint;

import jakarta.websocket.DeploymentException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.glassfish.tyrus.container.grizzly.server.GrizzlyServerContainer;
import org.glassfish.tyrus.server.Server;
import org.glassfish.tyrus.server.TyrusServerContainer;

/**
 * A standalone server for Sockeye endpoints and a few static files, on Tyrus with its Grizzly
 * container: the embedded default for demos and tests. For production, deploy the endpoints to a
 * Jakarta EE container instead.
 * <pre>{@code
 * try (EmbeddedServer server = EmbeddedServer.builder().port(8080).endpoint(chat).start()) {
 *     System.out.println(server.uri("/chat"));
 * }
 * }</pre>
 *
 * <p>The largest {@link dev.sockeye.Config#readBufferSize()} of its endpoints becomes Tyrus's
 * incoming buffer size (the largest frame Tyrus reads at once), a server-wide setting.
 *
 * <p>A plain HTTP {@code HEAD} on the path of a neffos endpoint answers {@code 302 Found}: the
 * reconnect probe of neffos.js (see the guide's neffos chapter). Other paths answer as before: a
 * static file, or 404.
 *
 * <p>Port {@code 0} asks the operating system for a free (ephemeral) port; {@link #port()} tells
 * which. (Tyrus's own {@code Server} class uses {@code -1} for that and maps {@code 0} to 8025; this
 * class does not.) Thread-safety: start and close it from one thread; the getters are safe from any.
 */
public final class EmbeddedServer implements AutoCloseable {

    private final TyrusServerContainer container;
    private final Path staticRoot;
    private final String contextPath;
    private final int port;

    private EmbeddedServer(TyrusServerContainer container, Path staticRoot, String contextPath, int port) {
        this.container = container;
        this.staticRoot = staticRoot;
        this.contextPath = contextPath;
        this.port = port;
    }

    /** @return a builder: port 0 (ephemeral), context path {@code /}, no endpoint, no static file */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the port the server listens on */
    public int port() {
        return port;
    }

    /**
     * @param path an endpoint or file path below the context path, starting with {@code /}
     * @return {@code ws://127.0.0.1:<port><context><path>}
     */
    public URI uri(String path) {
        return URI.create("ws://127.0.0.1:" + port + join(contextPath, path));
    }

    /** @return {@code http://127.0.0.1:<port><context><path>}, for static files */
    public URI httpUri(String path) {
        return URI.create("http://127.0.0.1:" + port + join(contextPath, path));
    }

    /** Stops the server: open connections are closed. Idempotent. */
    @Override
    public void close() {
        container.stop();
        if (staticRoot != null) {
            try (Stream<Path> files = Files.walk(staticRoot)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory left behind is harmless
            }
        }
    }

    private static String join(String context, String path) {
        String c = context.endsWith("/") ? context.substring(0, context.length() - 1) : context;
        return c + (path.startsWith("/") ? path : "/" + path);
    }

    /** Configures and starts an {@link EmbeddedServer}. Not thread-safe. */
    public static final class Builder {
        private int port;
        private String contextPath = "/";
        private final List<SockeyeEndpoint> endpoints = new ArrayList<>();
        private final Map<String, byte[]> files = new LinkedHashMap<>();

        private Builder() {
        }

        /** @param port the TCP port, or 0 for an ephemeral one; range 0 to 65535 */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 (ephemeral) to 65535: " + port);
            }
            this.port = port;
            return this;
        }

        /** @param contextPath the root of every endpoint and file, starting with {@code /}; default {@code /} */
        public Builder contextPath(String contextPath) {
            if (!contextPath.startsWith("/")) {
                throw new IllegalArgumentException("contextPath must start with '/': " + contextPath);
            }
            this.contextPath = contextPath;
            return this;
        }

        /** Adds an endpoint, deployed at {@link SockeyeEndpoint#path()} below the context path. */
        public Builder endpoint(SockeyeEndpoint endpoint) {
            endpoints.add(endpoint);
            return this;
        }

        /**
         * Serves a static file. Its content type follows its extension ({@code .html},
         * {@code .js}, {@code .css}, ...).
         *
         * @param path the file's path, for example {@code /index.html}; {@code /} serves it as the index
         */
        public Builder file(String path, byte[] content) {
            String relative = path.equals("/") ? "index.html" : path.replaceFirst("^/+", "");
            if (relative.isEmpty() || relative.contains("..")) {
                throw new IllegalArgumentException("bad static file path: " + path);
            }
            files.put(relative, content.clone());
            return this;
        }

        /**
         * Starts the server.
         *
         * @throws DeploymentException if an endpoint cannot be deployed (all problems are listed)
         * @throws UncheckedIOException if the port cannot be bound
         */
        public EmbeddedServer start() throws DeploymentException {
            Path root = null;
            Map<String, Object> properties = new HashMap<>();
            try {
                if (!files.isEmpty()) {
                    root = Files.createTempDirectory("sockeye-static");
                    for (Map.Entry<String, byte[]> file : files.entrySet()) {
                        Path target = root.resolve(file.getKey());
                        Files.createDirectories(target.getParent());
                        Files.write(target, file.getValue());
                    }
                }
                int readBuffer = endpoints.stream().mapToInt(e -> e.config().readBufferSize()).max().orElse(0);
                if (readBuffer > 0) {
                    properties.put(org.glassfish.tyrus.core.TyrusWebSocketEngine.INCOMING_BUFFER_SIZE, readBuffer);
                }
                TyrusServerContainer container =
                        (TyrusServerContainer) new GrizzlyServerContainer().createContainer(properties);
                // the static files are served behind the neffos reconnect probes, unless Grizzly is out of reach
                Field httpServer = ReconnectProbes.httpServerField(container);
                if (httpServer == null && root != null) {
                    properties.put(Server.STATIC_CONTENT_ROOT, root.toString());
                    container = (TyrusServerContainer) new GrizzlyServerContainer().createContainer(properties);
                }
                for (SockeyeEndpoint endpoint : endpoints) {
                    endpoint.deploy(container);
                }
                container.start(contextPath, port);
                ReconnectProbes.install(httpServer, container, contextPath, endpoints,
                        httpServer == null ? null : root);
                return new EmbeddedServer(container, root, contextPath, container.getPort());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded server on port " + port, e);
            }
        }
    }
}
