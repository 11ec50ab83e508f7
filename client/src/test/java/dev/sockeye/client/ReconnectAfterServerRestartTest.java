package dev.sockeye.client;

import dev.sockeye.Config;
import dev.sockeye.ConnectionListener;
import dev.sockeye.embedded.EmbeddedServer;

import jakarta.websocket.CloseReason;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With reconnecting enabled, a client outlives a server restart on the same port: emits made while
 * the server is down wait and reach the new server, in order, once the client is back.
 */
class ReconnectAfterServerRestartTest {

    private static final Reconnect FAST = Reconnect.exponentialBackoff()
            .withDelays(Duration.ofMillis(50), Duration.ofMillis(200));

    @Test
    void queuedEmitsAreFlushedInOrderAfterTheServerComesBack() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        BlockingQueue<CloseReason> disconnects = new LinkedBlockingQueue<>();
        AtomicInteger connects = new AtomicInteger();
        ConnectionListener recorder = connection -> connection.on("note", String.class, received::add);

        EmbeddedServer first = Servers.start(0, Config.defaults(), recorder);
        int port = first.port();
        SockeyeClient client = Servers.connect(first, ClientOptions.builder().reconnect(FAST).build(), c -> {
            c.onConnect(connects::incrementAndGet);
            c.onDisconnect(disconnects::add);
        });
        try (client) {
            client.emit("note", "before");
            assertEquals("before", Await.next(received));

            first.close();
            CloseReason lost = Await.next(disconnects);
            assertNotEquals(CloseReason.CloseCodes.NORMAL_CLOSURE, lost.getCloseCode(), "a lost server is not a normal close");
            Await.until("reconnecting", () -> client.state() == ClientState.RECONNECTING);

            List<CompletionStage<Void>> whileDown = List.of(
                    client.emit("note", "a"), client.emit("note", "b"), client.emit("note", "c"));
            Thread.sleep(300); // a few failed attempts against the closed port
            assertEquals(ClientState.RECONNECTING, client.state());

            EmbeddedServer second = Servers.start(port, Config.defaults(), recorder);
            try {
                for (CompletionStage<Void> send : whileDown) {
                    Await.done(send);
                }
                assertEquals(List.of("a", "b", "c"), List.of(Await.next(received), Await.next(received), Await.next(received)));
                assertEquals(ClientState.OPEN, client.state());
                assertEquals(2, connects.get());
                client.emit("note", "after");
                assertEquals("after", Await.next(received));
                assertTrue(disconnects.isEmpty(), "one disconnect per lost connection");
            } finally {
                second.close();
            }
        }
    }

    @Test
    void givingUpAfterMaxAttemptsClosesTheClientAndFailsQueuedEmits() throws Exception {
        EmbeddedServer server = Servers.start(connection -> { });
        SockeyeClient client = Servers.connect(server,
                ClientOptions.builder().reconnect(FAST.withMaxAttempts(2)).build(), c -> { });
        BlockingQueue<Throwable> errors = new LinkedBlockingQueue<>();
        client.onError(errors::add);
        server.close();
        Await.until("reconnecting", () -> client.state() == ClientState.RECONNECTING);
        CompletionStage<Void> queued = client.emit("note", "lost");
        Await.until("closed after 2 failed attempts", () -> client.state() == ClientState.CLOSED);
        assertEquals(2, errors.size(), "each failed attempt is reported: " + errors);
        assertTrue(Await.failure(queued) instanceof dev.sockeye.ConnectionClosedException);
    }
}
