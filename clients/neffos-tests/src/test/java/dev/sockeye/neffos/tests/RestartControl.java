package dev.sockeye.neffos.tests;

import dev.sockeye.embedded.EmbeddedServer;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A loopback HTTP control through which a Node test restarts the fixture server on the same port:
 * {@code POST /restart} stops it (its connections close), waits {@code ?downMillis=} (default 300)
 * and starts a new one. The reply comes once the new server listens.
 */
final class RestartControl implements AutoCloseable {

    private final HttpServer http;
    private volatile EmbeddedServer server;

    RestartControl(EmbeddedServer server) throws IOException {
        this.server = server;
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/restart", exchange -> {
            int status = 200;
            String body;
            try {
                String query = exchange.getRequestURI().getQuery();
                long down = query != null && query.startsWith("downMillis=") ? Long.parseLong(query.substring(11)) : 300;
                restart(down);
                body = "restarted on " + this.server.port();
            } catch (Exception e) {
                status = 500;
                body = "restart failed: " + e;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        http.start();
    }

    private synchronized void restart(long downMillis) throws Exception {
        int port = server.port();
        server.close();
        Thread.sleep(downMillis);
        Exception last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                server = NeffosFixture.start(port);
                return;
            } catch (UncheckedIOException e) {
                last = e;
                Thread.sleep(100); // the port may linger for a moment after close
            }
        }
        throw last;
    }

    String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    EmbeddedServer server() {
        return server;
    }

    @Override
    public void close() {
        http.stop(0);
        server.close();
    }
}
