package dev.sockeye.tck;

import dev.sockeye.Connection;
import dev.sockeye.ConnectionClosedException;
import dev.sockeye.ConnectionRegistry;

import jakarta.websocket.CloseReason;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spec §3 "disconnect order" and "disconnect twice": whoever ends a connection (the client, the
 * server through the connection or the registry, or a dropped TCP connection), it leaves every room
 * once (its own ID room included), then its disconnect listeners run once, then it is closed with a
 * proper close frame; a second disconnect only reports "already disconnected". The clients are
 * {@link dev.sockeye.client.SockeyeClient}s, except where the TCP connection ends without a close
 * frame: only a {@link RawWebSocket} can do that.
 */
class DisconnectLifecycleTest {

    private static final Duration QUIET = Duration.ofMillis(300);

    private Servers.Running server;
    private ConnectionRegistry registry;
    private final BlockingQueue<Connection> opened = new LinkedBlockingQueue<>();
    /** Lifecycle events per connection ID: "leave:<room>" and "disconnect", in the order they fired. */
    private final Map<String, List<String>> events = new ConcurrentHashMap<>();
    private final List<EventClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = Servers.start(connection -> {
            List<String> log = events.computeIfAbsent(connection.id(), id -> new CopyOnWriteArrayList<>());
            connection.join("r1");
            connection.join("r2");
            connection.onLeave(room -> log.add("leave:" + room));
            connection.onDisconnect(() -> log.add("disconnect"));
            connection.on("bye-please", Integer.class, count -> {
                for (int i = 1; i <= count; i++) {
                    connection.emit("bye", i);
                }
                connection.disconnect();
            });
            opened.add(connection);
        });
        registry = server.endpoint().registry();
    }

    @AfterEach
    void stop() {
        for (EventClient client : clients) {
            client.close();
        }
        server.close();
    }

    private EventClient connect() throws Exception {
        EventClient client = EventClient.to(server.uri()).record("bye", Integer.class).connect();
        clients.add(client);
        return client;
    }

    private Connection awaitOpened() throws InterruptedException {
        Connection connection = opened.poll(5, TimeUnit.SECONDS);
        assertNotNull(connection, "the server did not see the connection");
        return connection;
    }

    /**
     * Waits for the disconnect event, lets a short quiet window pass so that duplicates would show,
     * and asserts exactly one leave per room (any order) followed by exactly one disconnect.
     */
    private void assertLeftEveryRoomThenDisconnectedOnce(Connection connection) throws InterruptedException {
        List<String> log = events.get(connection.id());
        Await.until("the disconnect listener of " + connection.id(), () -> log.contains("disconnect"), () -> log);
        Thread.sleep(QUIET.toMillis());
        assertEquals(4, log.size(), "three leaves and one disconnect, each once: " + log);
        assertEquals(Set.of("leave:r1", "leave:r2", "leave:" + connection.id()), Set.copyOf(log.subList(0, 3)),
                "every room left exactly once before the disconnect: " + log);
        assertEquals("disconnect", log.get(3), "the disconnect comes after every leave: " + log);
    }

    private void assertGone(Connection connection) {
        assertFalse(connection.isOpen());
        assertFalse(registry.isConnected(connection.id()));
        assertEquals(0, registry.count());
        assertTrue(registry.rooms().isEmpty(), "rooms left behind: " + registry.rooms());
        assertTrue(registry.connection(connection.id()).isEmpty());
        assertTrue(connection.rooms().isEmpty(), "the connection still lists rooms: " + connection.rooms());
    }

    private static ConnectionClosedException failureOf(CompletionStage<Void> stage) {
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> stage.toCompletableFuture().get(5, TimeUnit.SECONDS));
        return assertInstanceOf(ConnectionClosedException.class, failure.getCause());
    }

    @Test
    void clientCloseLeavesEveryRoomOnceThenDisconnectsOnce() throws Exception {
        EventClient client = connect();
        Connection connection = awaitOpened();
        assertEquals(Set.of("r1", "r2", connection.id()), connection.rooms());
        assertEquals(Set.of("r1", "r2", connection.id()), registry.rooms());

        client.close();

        assertLeftEveryRoomThenDisconnectedOnce(connection);
        assertGone(connection);
    }

    @Test
    void serverDisconnectLeavesEveryRoomThenDisconnectsThenSendsClose1000() throws Exception {
        EventClient client = connect();
        Connection connection = awaitOpened();

        CompletionStage<Void> stage = connection.disconnect();

        assertNull(stage.toCompletableFuture().get(5, TimeUnit.SECONDS), "the disconnect stage completes normally");
        assertEquals(CloseReason.CloseCodes.NORMAL_CLOSURE, client.awaitClose().getCloseCode());
        assertLeftEveryRoomThenDisconnectedOnce(connection);
        assertGone(connection);
    }

    @Test
    void registryDisconnectFromOutsideBehavesLikeConnectionDisconnect() throws Exception {
        EventClient client = connect();
        Connection connection = awaitOpened();

        CompletionStage<Void> stage = registry.disconnect(connection.id());

        assertNull(stage.toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertEquals(CloseReason.CloseCodes.NORMAL_CLOSURE, client.awaitClose().getCloseCode());
        assertLeftEveryRoomThenDisconnectedOnce(connection);
        assertGone(connection);
    }

    @Test
    void secondDisconnectFailsWithAlreadyDisconnectedAndFiresNothing() throws Exception {
        EventClient client = connect();
        Connection connection = awaitOpened();
        connection.disconnect().toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertLeftEveryRoomThenDisconnectedOnce(connection);
        client.awaitClose();

        ConnectionClosedException again = failureOf(connection.disconnect());
        assertTrue(again.getMessage().contains("already disconnected"), again.getMessage());
        assertInstanceOf(ConnectionClosedException.class,
                failureOf(registry.disconnect(connection.id())), "the registry no longer knows the ID");

        Thread.sleep(QUIET.toMillis());
        assertEquals(4, events.get(connection.id()).size(), "nothing more fired: " + events.get(connection.id()));
    }

    @Test
    void disconnectAfterTheClientClosedReportsAlreadyDisconnected() throws Exception {
        EventClient client = connect();
        Connection connection = awaitOpened();
        client.close();
        assertLeftEveryRoomThenDisconnectedOnce(connection);

        ConnectionClosedException late = failureOf(connection.disconnect());

        assertTrue(late.getMessage().contains("already disconnected"), late.getMessage());
        Thread.sleep(QUIET.toMillis());
        assertEquals(4, events.get(connection.id()).size(), "nothing more fired: " + events.get(connection.id()));
    }

    @Test
    void framesEmittedBeforeDisconnectArriveBeforeTheCloseFrame() throws Exception {
        EventClient client = connect();
        Connection connection = awaitOpened();

        client.emit("bye-please", 50);

        for (int i = 1; i <= 50; i++) {
            assertEquals(i, client.next("bye", Integer.class), "event " + i + " of 50, in order, before the close");
        }
        assertEquals(CloseReason.CloseCodes.NORMAL_CLOSURE, client.awaitClose().getCloseCode());
        assertNull(client.poll(Duration.ZERO), "nothing after the close");
        assertLeftEveryRoomThenDisconnectedOnce(connection);
        client.assertNoErrors();
    }

    @Test
    void emitAfterDisconnectFailsWithConnectionClosed() throws Exception {
        connect();
        Connection connection = awaitOpened();
        connection.disconnect().toCompletableFuture().get(5, TimeUnit.SECONDS);

        ConnectionClosedException failure = failureOf(connection.emit("late", "x"));

        assertTrue(failure.getMessage().contains("already disconnected"), failure.getMessage());
        assertFalse(connection.join("r3"), "a closed connection joins nothing");
        assertTrue(registry.rooms().isEmpty());
    }

    @Test
    void droppedTcpConnectionWithoutCloseFrameStillLeavesAndDisconnectsOnce() throws Exception {
        RawWebSocket raw = RawWebSocket.upgrade(server.uri(), Map.of());
        assertEquals(101, raw.status(), raw.statusLine());
        Connection connection = awaitOpened();

        raw.abort();

        assertLeftEveryRoomThenDisconnectedOnce(connection);
        assertGone(connection);
    }

    @Test
    void tcpFinWithoutCloseFrameStillLeavesAndDisconnectsOnce() throws Exception {
        RawWebSocket raw = RawWebSocket.upgrade(server.uri(), Map.of());
        assertEquals(101, raw.status(), raw.statusLine());
        Connection connection = awaitOpened();

        raw.close();

        assertLeftEveryRoomThenDisconnectedOnce(connection);
        assertGone(connection);
    }

    @Test
    void racingClientCloseAndServerDisconnectFireEachEventExactlyOnce() throws Exception {
        for (int round = 0; round < 10; round++) {
            EventClient client = connect();
            Connection connection = awaitOpened();
            CountDownLatch go = new CountDownLatch(1);
            CompletableFuture<Void> serverSide = CompletableFuture.runAsync(() -> {
                awaitQuietly(go);
                connection.disconnect();
            });
            CompletableFuture<Void> clientSide = CompletableFuture.runAsync(() -> {
                awaitQuietly(go);
                client.close();
            });
            go.countDown();
            CompletableFuture.allOf(serverSide, clientSide).get(5, TimeUnit.SECONDS);

            List<String> log = events.get(connection.id());
            Await.until("round " + round + ": the disconnect listener", () -> log.contains("disconnect"), () -> log);
            assertEquals("disconnect", log.get(log.size() - 1));
            assertEquals(Set.of("leave:r1", "leave:r2", "leave:" + connection.id()), Set.copyOf(log.subList(0, 3)),
                    "round " + round + ": " + log);
        }
        Thread.sleep(QUIET.toMillis());
        events.forEach((id, log) -> assertEquals(4, log.size(), id + " fired events more than once: " + log));
        assertEquals(0, registry.count());
        assertTrue(registry.rooms().isEmpty(), "rooms left behind: " + registry.rooms());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
