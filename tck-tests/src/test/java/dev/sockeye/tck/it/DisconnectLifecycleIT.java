package dev.sockeye.tck.it;

import dev.sockeye.Config;
import dev.sockeye.Connection;
import dev.sockeye.ConnectionRegistry;
import dev.sockeye.EventEndpoint;
import dev.sockeye.OnConnect;
import dev.sockeye.OnDisconnect;
import dev.sockeye.OnEvent;
import dev.sockeye.OnLeave;
import dev.sockeye.tck.EventClient;
import dev.sockeye.tck.RawWebSocket;

import jakarta.websocket.CloseReason;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spec §3 "disconnect order" and "disconnect twice" in a container: whoever ends a connection (the
 * client, the server, another connection through the registry, a dropped TCP connection), it leaves
 * every room once, its own included, then disconnects once; frames emitted before a server
 * disconnect arrive before the close frame; a second disconnect reports "already disconnected".
 * An observer connection reads the server's lifecycle log. The clients are
 * {@link dev.sockeye.client.SockeyeClient}s, except the one whose TCP connection is dropped: a
 * {@link RawWebSocket}, the only client that can vanish without a close frame.
 */
@ExtendWith(ArquillianExtension.class)
class DisconnectLifecycleIT {

    private static final Duration QUIET = Duration.ofMillis(300);

    /** IDs from the query parameter {@code user} when there is one, so that a raw socket knows its ID. */
    public static final class QueryIds implements Supplier<Config> {
        @Override
        public Config get() {
            return Config.builder().idGenerator(handshake -> handshake.queryParameter("user")
                    .orElseGet(() -> UUID.randomUUID().toString())).build();
        }
    }

    @EventEndpoint(value = "/lifecycle", config = QueryIds.class)
    public static class LifecycleEndpoint {
        static final Map<String, List<String>> LOG = new ConcurrentHashMap<>();

        private static List<String> log(Connection connection) {
            return LOG.getOrDefault(connection.id(), new ArrayList<>());
        }

        @OnConnect
        public void open(Connection connection) {
            if (connection.handshake().queryParameter("observer").isPresent()) {
                return;
            }
            LOG.put(connection.id(), new CopyOnWriteArrayList<>());
            connection.join("r1");
            connection.join("r2");
            connection.emit("id", connection.id());
        }

        @OnLeave
        public void left(Connection connection, String room) {
            log(connection).add("leave:" + (room.equals(connection.id()) ? "own" : room));
        }

        @OnDisconnect
        public void disconnected(Connection connection) {
            log(connection).add("disconnect");
        }

        @OnEvent("bye-please")
        public void bye(Connection connection, int count) {
            for (int i = 1; i <= count; i++) {
                connection.emit("bye", i);
            }
            connection.disconnect();
        }

        @OnEvent("log")
        public String log(String id) {
            return String.join(",", LOG.getOrDefault(id, List.of()));
        }

        /** Disconnects another connection twice through the registry's view of it; answers what the second call said. */
        @OnEvent("kick-twice")
        public String kickTwice(ConnectionRegistry registry, String id) {
            Connection target = registry.connection(id).orElseThrow();
            target.disconnect();
            return target.disconnect().handle((ok, failure) -> failure == null ? "no failure" : failure.getMessage())
                    .toCompletableFuture().join();
        }

        @OnEvent("open")
        public String open(ConnectionRegistry registry, String id) {
            return registry.isConnected(id) + " " + registry.isJoined("r1", id);
        }
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.war("lifecycle", LifecycleEndpoint.class, QueryIds.class);
    }

    @ArquillianResource
    private URL base;

    private EventClient observer;

    @BeforeEach
    void observe() throws Exception {
        observer = EventClient.to(Urls.ws(base, "/lifecycle?observer=1"))
                .record("log", String.class).record("kick-twice", String.class).record("open", String.class)
                .connect();
    }

    @AfterEach
    void stop() {
        observer.close();
    }

    private String ask(String event, String payload) throws Exception {
        observer.emit(event, payload);
        return observer.next(event, String.class);
    }

    private EventClient connect() throws Exception {
        return EventClient.to(Urls.ws(base, "/lifecycle")).record("id", String.class).record("bye", Integer.class).connect();
    }

    /** Waits for the disconnect, lets duplicates show, then checks three leaves (any order) then one disconnect. */
    private void assertLeftEveryRoomThenDisconnectedOnce(String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!ask("log", id).contains("disconnect") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(QUIET.toMillis());
        List<String> log = List.of(ask("log", id).split(","));
        assertEquals(4, log.size(), "three leaves and one disconnect, each once: " + log);
        assertEquals(Set.of("leave:r1", "leave:r2", "leave:own"), Set.copyOf(log.subList(0, 3)), log.toString());
        assertEquals("disconnect", log.get(3), log.toString());
        assertEquals("false false", ask("open", id), "gone from the registry and its rooms");
    }

    @Test
    void clientCloseLeavesEveryRoomOnceThenDisconnectsOnce() throws Exception {
        EventClient client = connect();
        String id = client.next("id", String.class);
        client.close();
        assertEquals(CloseReason.CloseCodes.NORMAL_CLOSURE, client.awaitClose().getCloseCode());
        assertLeftEveryRoomThenDisconnectedOnce(id);
    }

    @Test
    void serverDisconnectSendsQueuedFramesThenClose1000() throws Exception {
        try (EventClient client = connect()) {
            String id = client.next("id", String.class);
            client.emit("bye-please", 20);
            for (int i = 1; i <= 20; i++) {
                assertEquals(i, client.next("bye", Integer.class), "event " + i + " of 20, in order, before the close");
            }
            assertEquals(CloseReason.CloseCodes.NORMAL_CLOSURE, client.awaitClose().getCloseCode());
            assertLeftEveryRoomThenDisconnectedOnce(id);
        }
    }

    @Test
    void aSecondDisconnectReportsAlreadyDisconnectedAndFiresNothing() throws Exception {
        try (EventClient client = connect()) {
            String id = client.next("id", String.class);
            String second = ask("kick-twice", id);
            assertTrue(second.contains("already disconnected"), second);
            assertEquals(CloseReason.CloseCodes.NORMAL_CLOSURE, client.awaitClose().getCloseCode());
            assertLeftEveryRoomThenDisconnectedOnce(id);
        }
    }

    @Test
    void droppedTcpConnectionStillLeavesAndDisconnectsOnce() throws Exception {
        String id = "raw-" + UUID.randomUUID();
        RawWebSocket raw = RawWebSocket.upgrade(Urls.ws(base, "/lifecycle?user=" + id), Map.of());
        assertEquals(101, raw.status(), raw.statusLine());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!ask("open", id).startsWith("true") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        raw.abort();
        assertLeftEveryRoomThenDisconnectedOnce(id);
    }
}
