package dev.sockeye.neffos.tests;

import dev.sockeye.Config;
import dev.sockeye.neffos.Events;
import dev.sockeye.neffos.Namespaces;
import dev.sockeye.Sockeye;
import dev.sockeye.SockeyeEndpoint;
import dev.sockeye.embedded.EmbeddedServer;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The embedded server answers neffos.js's reconnect probe, a plain HTTP {@code HEAD}, with 302 on
 * the paths of its neffos endpoints only: {@code {template}} paths matched segment by segment, an
 * endpoint at the root path included, and never on an Iris endpoint's path; every other request
 * gets what it got without the probe (a static file, or 404).
 */
class ReconnectProbeAnswersOnNeffosPathsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Namespaces namespaces() {
        return Namespaces.builder().namespace("default", Events.builder().build()).build();
    }

    private static int status(EmbeddedServer server, String method, String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.port() + path);
        return HTTP.send(HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void headAnswers302OnNeffosPathsAndTemplatesOnly() throws Exception {
        Config config = Config.builder().allowAllOrigins().build();
        SockeyeEndpoint iris = Sockeye.endpoint("/iris", config, connection -> { });
        try (EmbeddedServer server = EmbeddedServer.builder()
                .endpoint(iris)
                .endpoint(Sockeye.neffosEndpoint("/neffos", config, namespaces()))
                .endpoint(Sockeye.neffosEndpoint("/rooms/{room}", config, namespaces()))
                .file("/index.html", "<h1>hi</h1>".getBytes(StandardCharsets.UTF_8))
                .start()) {
            assertEquals(302, status(server, "HEAD", "/neffos"));
            assertEquals(302, status(server, "HEAD", "/rooms/lobby"), "a template's segment");
            assertEquals(404, status(server, "HEAD", "/rooms/lobby/more"), "not the template's shape");
            assertEquals(404, status(server, "HEAD", "/iris"), "an Iris endpoint is no neffos endpoint");
            assertEquals(404, status(server, "GET", "/neffos"), "only HEAD is the probe");
            assertEquals(200, status(server, "GET", "/index.html"), "static files are still served");
            assertNotEquals(302, status(server, "HEAD", "/index.html"), "a static file answers HEAD itself (Grizzly: 405)");
        }
    }

    @Test
    void anEndpointAtTheRootPathIsProbedThereAlone() throws Exception {
        Config config = Config.builder().allowAllOrigins().build();
        try (EmbeddedServer server = EmbeddedServer.builder()
                .contextPath("/app")
                .endpoint(Sockeye.neffosEndpoint("/", config, namespaces()))
                .start()) {
            assertEquals(302, status(server, "HEAD", "/app/"));
            assertEquals(302, status(server, "HEAD", "/app"));
            assertEquals(404, status(server, "HEAD", "/app/elsewhere"));
            assertEquals(404, status(server, "HEAD", "/"));
        }
    }
}
