package dev.sockeye.client;

import dev.sockeye.Connection;
import dev.sockeye.ConnectionClosedException;
import dev.sockeye.embedded.EmbeddedServer;

import jakarta.websocket.CloseReason;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a client's connection ends, from either side, and what happens to emits around it. */
class DisconnectLifecycleTest {

    @Test
    void disconnectWritesQueuedEmitsFirstThenClosesWith1000AndTheServerHearsIt() throws Exception {
        BlockingQueue<String> server = new LinkedBlockingQueue<>();
        BlockingQueue<CloseReason> closes = new LinkedBlockingQueue<>();
        try (EmbeddedServer running = Servers.start(connection -> {
            connection.on("note", String.class, server::add);
            connection.onDisconnect(() -> server.add("disconnected"));
        })) {
            SockeyeClient client = Servers.connect(running, ClientOptions.defaults(), c -> c.onDisconnect(closes::add));
            CompletionStage<Void> last = null;
            for (int i = 0; i < 20; i++) {
                last = client.emit("note", "n" + i);
            }
            CompletionStage<Void> disconnected = client.disconnect();
            CompletionStage<Void> late = client.emit("note", "too late");

            Await.done(disconnected);
            Await.done(last);
            for (int i = 0; i < 20; i++) {
                assertEquals("n" + i, Await.next(server));
            }
            assertEquals("disconnected", Await.next(server));
            assertEquals(CloseReason.CloseCodes.NORMAL_CLOSURE, Await.next(closes).getCloseCode());
            assertEquals(ClientState.CLOSED, client.state());
            assertInstanceOf(ConnectionClosedException.class, Await.failure(late));
            Throwable second = Await.failure(client.disconnect());
            assertEquals("already disconnected", second.getMessage());
        }
    }

    @Test
    void aServerSideDisconnectIsFinalEvenWithReconnectEnabled() throws Exception {
        BlockingQueue<CloseReason> closes = new LinkedBlockingQueue<>();
        try (EmbeddedServer running = Servers.start(connection ->
                connection.on("bye", () -> connection.disconnect()))) {
            ClientOptions options = ClientOptions.builder()
                    .reconnect(Reconnect.exponentialBackoff().withDelays(Duration.ofMillis(20), Duration.ofMillis(20))).build();
            SockeyeClient client = Servers.connect(running, options, c -> c.onDisconnect(closes::add));
            client.emit("bye", null);
            assertEquals(CloseReason.CloseCodes.NORMAL_CLOSURE, Await.next(closes).getCloseCode());
            Await.until("closed", () -> client.state() == ClientState.CLOSED);
            assertInstanceOf(ConnectionClosedException.class, Await.failure(client.emit("note", "x")));
        }
    }

    @Test
    void aLostConnectionWithoutReconnectClosesTheClient() throws Exception {
        BlockingQueue<CloseReason> closes = new LinkedBlockingQueue<>();
        EmbeddedServer running = Servers.start(connection -> { });
        SockeyeClient client = Servers.connect(running, ClientOptions.defaults(), c -> c.onDisconnect(closes::add));
        running.close();
        Await.next(closes);
        assertEquals(ClientState.CLOSED, client.state());
        assertInstanceOf(ConnectionClosedException.class, Await.failure(client.emit("note", "x")));
        client.close(); // closing a closed client does nothing
    }

    @Test
    void emitsBeforeConnectWaitAndAreSentInOrderOnceOpen() throws Exception {
        BlockingQueue<String> server = new LinkedBlockingQueue<>();
        try (EmbeddedServer running = Servers.start(connection -> connection.on("note", String.class, server::add));
             SockeyeClient client = SockeyeClient.create(Servers.uri(running), ClientOptions.defaults())) {
            assertEquals(ClientState.NEW, client.state());
            List<CompletionStage<Void>> early = List.of(client.emit("note", "1"), client.emit("note", "2"));
            Await.done(client.connect());
            for (CompletionStage<Void> send : early) {
                Await.done(send);
            }
            assertEquals(List.of("1", "2"), List.of(Await.next(server), Await.next(server)));
            assertTrue(client.connect() == client.connect(), "connect() is started once");
        }
    }
}
