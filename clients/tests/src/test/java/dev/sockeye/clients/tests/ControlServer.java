package dev.sockeye.clients.tests;

import dev.sockeye.Config;
import dev.sockeye.embedded.EmbeddedServer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * A small HTTP API on loopback through which the Node tests start, stop, restart and inspect
 * real Sockeye servers (the {@link Fixtures}) in this JVM:
 * <pre>
 * POST   /servers?fixture=protocol|chat[&amp;prefix=p][&amp;binary=true]   → {"id", "port", "http", "ws"}
 * POST   /servers/{id}/stop                              stops it, keeping its port for a restart
 * POST   /servers/{id}/start                             starts it again on the same port
 * GET    /servers/{id}/log                               ["connect &lt;id&gt;", "disconnect &lt;id&gt;", ...]
 * DELETE /servers/{id}                                   stops it for good (its log stays readable)
 * </pre>
 * Its URL reaches the tests in the environment variable {@code SOCKEYE_CONTROL_URL}.
 */
final class ControlServer implements AutoCloseable {

    private static final class Managed {
        final Fixtures.Starter starter;
        final List<String> log = new CopyOnWriteArrayList<>();
        final int port;
        EmbeddedServer running;

        Managed(Fixtures.Starter starter) throws Exception {
            this.starter = starter;
            this.running = starter.start(0, log);
            this.port = running.port();
        }
    }

    private final HttpServer http;
    private final Jsonb jsonb = JsonbBuilder.create();
    private final Map<String, Managed> servers = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    ControlServer() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/servers", this::handle);
        http.start();
    }

    /** @return the base URL, {@code http://127.0.0.1:<port>} */
    URI uri() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    /** @return each server's log by ID, for the Java-side assertions after a run */
    Map<String, List<String>> logs() {
        Map<String, List<String>> logs = new LinkedHashMap<>();
        servers.forEach((id, server) -> logs.put(id, List.copyOf(server.log)));
        return logs;
    }

    @Override
    public void close() throws Exception {
        http.stop(0);
        for (Managed server : servers.values()) {
            synchronized (server) {
                if (server.running != null) {
                    server.running.close();
                }
            }
        }
        jsonb.close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] path = exchange.getRequestURI().getPath().replaceAll("/+$", "").split("/");
            String method = exchange.getRequestMethod();
            Object answer;
            if (path.length == 2 && method.equals("POST")) {
                answer = create(query(exchange.getRequestURI()));
            } else if (path.length >= 3 && servers.containsKey(path[2])) {
                answer = act(path[2], path.length == 4 ? path[3] : "", method);
            } else {
                answer = null;
            }
            if (answer == null) {
                respond(exchange, 404, Map.of("error", method + " " + exchange.getRequestURI() + " is not part of the API"));
            } else {
                respond(exchange, 200, answer);
            }
        } catch (Exception | AssertionError e) {
            respond(exchange, 500, Map.of("error", String.valueOf(e)));
        }
    }

    private Object create(Map<String, String> query) throws Exception {
        String fixture = query.getOrDefault("fixture", "protocol");
        String prefix = query.getOrDefault("prefix", Config.DEFAULT_MESSAGE_PREFIX);
        boolean binary = Boolean.parseBoolean(query.getOrDefault("binary", "false"));
        Managed server = new Managed(Fixtures.named(fixture, prefix, binary));
        String id = fixture + "-" + ids.incrementAndGet();
        servers.put(id, server);
        return Map.of("id", id, "port", server.port,
                "http", "http://127.0.0.1:" + server.port, "ws", "ws://127.0.0.1:" + server.port);
    }

    private Object act(String id, String action, String method) throws Exception {
        Managed server = servers.get(id);
        synchronized (server) {
            switch (method + " " + action) {
                case "POST stop" -> {
                    if (server.running != null) {
                        server.running.close();
                        server.running = null;
                    }
                }
                case "POST start" -> {
                    if (server.running == null) {
                        server.running = server.starter.start(server.port, server.log);
                    }
                }
                case "GET log" -> {
                    return new ArrayList<>(server.log);
                }
                case "DELETE " -> {
                    // stopped for good; the log stays for the assertions that follow the run
                    if (server.running != null) {
                        server.running.close();
                        server.running = null;
                    }
                }
                default -> {
                    return null;
                }
            }
            return Map.of("id", id, "running", server.running != null);
        }
    }

    private void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = jsonb.toJson(body).getBytes(UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(URLDecoder.decode(pair.substring(0, eq), UTF_8), URLDecoder.decode(pair.substring(eq + 1), UTF_8));
                }
            }
        }
        return query;
    }
}
