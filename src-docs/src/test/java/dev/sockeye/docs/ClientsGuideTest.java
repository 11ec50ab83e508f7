package dev.sockeye.docs;

import dev.sockeye.Config;
import dev.sockeye.Sockeye;
import dev.sockeye.SockeyeEndpoint;
import dev.sockeye.client.ClientState;
import dev.sockeye.client.SockeyeClient;
import dev.sockeye.embedded.EmbeddedServer;

import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the clients page's Java code: the served scripts carry the prefix; the Java client plays. */
class ClientsGuideTest {

    @Test
    void bothBrowserClientsAreServedWithTheEndpointsPrefix() throws Exception {
        SockeyeEndpoint game = Sockeye.endpoint("/game", Config.builder().messagePrefix("game:").build(),
                TypedEvents::register);
        try (EmbeddedServer server = ClientsGuide.serve(game, 0)) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (String script : new String[] {"/iris-ws.js", "/sockeye.js"}) {
                String body = http.send(HttpRequest.newBuilder(server.httpUri(script)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                assertTrue(body.contains("\"game:\""), script + " does not carry the prefix");
                assertTrue(!body.contains(Config.DEFAULT_MESSAGE_PREFIX), script + " still has the default prefix");
            }
        }
    }

    @Test
    void theJavaClientExampleSendsAndReceivesTypedEvents() throws Exception {
        SockeyeEndpoint game = Sockeye.endpoint("/game", Config.defaults(), TypedEvents::register);
        BlockingQueue<String> shown = new LinkedBlockingQueue<>();
        try (EmbeddedServer server = ClientsGuide.serve(game, 0)) {
            SockeyeClient client = ClientsGuide.play(server.uri("/game"), shown::add);
            assertEquals("knight to 2,3", shown.poll(10, TimeUnit.SECONDS));
            assertEquals("count 2", shown.poll(10, TimeUnit.SECONDS));
            client.close();
            assertEquals("closed: 1000", shown.poll(10, TimeUnit.SECONDS));
            assertEquals(ClientState.CLOSED, client.state());
        }
    }
}
