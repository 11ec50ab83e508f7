package dev.sockeye.tck;

import dev.sockeye.Config;
import dev.sockeye.neffos.Events;
import dev.sockeye.neffos.Namespaces;
import dev.sockeye.Sockeye;
import dev.sockeye.SockeyeEndpoint;
import dev.sockeye.embedded.EmbeddedServer;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A closed endpoint serves nobody: a connection whose handshake completes after
 * {@code SockeyeEndpoint.close()} (the container still routes to the endpoint, as embedded Tyrus
 * does, or the handshake was in flight) is ended with 1001 "endpoint closed" before any listener
 * sees it, and is not left in the registry. Before, it was served as if nothing had happened.
 */
class ClosedEndpointEndsLateConnectionsTest {

    /** A JDK WebSocket client that records the text frames and the close code. */
    static final class Recorder implements WebSocket.Listener {
        final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closeCode = new CompletableFuture<>();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            texts.add(data.toString());
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            closeCode.completeExceptionally(error);
        }
    }

    @Test
    void anIrisConnectionOpenedAfterCloseIsEndedWith1001AndNoListenerSeesIt() throws Exception {
        AtomicInteger connects = new AtomicInteger();
        try (Servers.Running server = Servers.start(connection -> {
            connects.incrementAndGet();
            connection.emit("hello", connection.id());
        })) {
            server.endpoint().close();

            Recorder client = new Recorder();
            HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(server.uri(), client).get(10, TimeUnit.SECONDS);

            assertEquals(1001, client.closeCode.get(10, TimeUnit.SECONDS));
            assertNull(client.texts.poll(), "nothing was sent before the close");
            assertEquals(0, connects.get(), "the connection listener never ran");
            assertEquals(0, server.endpoint().registry().count(), "no connection is left in the registry");
        }
    }

    @Test
    void closingWhileClientsConnectLeavesNoConnectionOpen() throws Exception {
        try (Servers.Running server = Servers.start(connection -> connection.emit("hello", connection.id()))) {
            HttpClient http = HttpClient.newHttpClient();
            List<Recorder> clients = new CopyOnWriteArrayList<>();
            List<CompletableFuture<WebSocket>> handshakes = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                Recorder client = new Recorder();
                clients.add(client);
                handshakes.add(http.newWebSocketBuilder().buildAsync(server.uri(), client));
                if (i == 20) {
                    // close while the later handshakes are under way
                    CompletableFuture.runAsync(() -> server.endpoint().close());
                }
            }
            for (CompletableFuture<WebSocket> handshake : handshakes) {
                handshake.exceptionally(refused -> null).get(20, TimeUnit.SECONDS);
            }
            for (Recorder client : clients) {
                assertEquals(1001, client.closeCode.exceptionally(failed -> -1).get(20, TimeUnit.SECONDS),
                        "every connection, opened before or after the close, ends with 1001");
            }
            assertEquals(0, server.endpoint().registry().count(), "no connection is left in the registry");
        }
    }

    @Test
    void aNeffosHandshakeAfterCloseIsRefusedWithEndpointClosedAnd1001() throws Exception {
        AtomicInteger connects = new AtomicInteger();
        Namespaces namespaces = Namespaces.builder()
                .onConnect(connection -> connects.incrementAndGet())
                .namespace("default", Events.builder().on("echo", (ns, msg) -> msg.text()).build())
                .build();
        SockeyeEndpoint endpoint = Sockeye.neffosEndpoint("/neffos", Config.defaults(), namespaces);
        try (EmbeddedServer server = EmbeddedServer.builder().port(0).endpoint(endpoint).start()) {
            endpoint.close();

            Recorder client = new Recorder();
            URI uri = server.uri("/neffos");
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, client)
                    .get(10, TimeUnit.SECONDS);
            socket.sendText("M", true).get(10, TimeUnit.SECONDS);

            assertEquals("Hendpoint closed", client.texts.poll(10, TimeUnit.SECONDS));
            assertEquals(1001, client.closeCode.get(10, TimeUnit.SECONDS));
            assertEquals(0, connects.get(), "the connect hook never ran");
            assertEquals(0, endpoint.registry().count(), "no connection is left in the registry");
        }
    }
}
