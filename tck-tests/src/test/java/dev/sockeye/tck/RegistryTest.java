package dev.sockeye.tck;

import dev.sockeye.Connection;
import dev.sockeye.ConnectionClosedException;
import dev.sockeye.ConnectionRegistry;
import dev.sockeye.Target;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@link ConnectionRegistry} used from outside any handler (as a REST resource or a timer
 * would): lookups, room management by connection ID with leave notifications, emits that reach the
 * right clients, and immutable snapshots. The clients are {@link dev.sockeye.client.SockeyeClient}s.
 */
class RegistryTest {

    private static final Duration QUIET = Duration.ofMillis(300);

    private Servers.Running server;
    private ConnectionRegistry registry;
    private final Map<String, Connection> byName = new ConcurrentHashMap<>();
    private final Map<String, List<String>> leavesByName = new ConcurrentHashMap<>();
    private EventClient a;
    private EventClient b;
    private EventClient c;
    private String idA;
    private String idB;
    private String idC;

    @BeforeEach
    void start() throws Exception {
        CountDownLatch connected = new CountDownLatch(3);
        server = Servers.start(connection -> {
            String name = connection.handshake().queryParameter("name").orElseThrow();
            List<String> leaves = leavesByName.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>());
            connection.onLeave(leaves::add);
            byName.put(name, connection);
            connected.countDown();
        });
        registry = server.endpoint().registry();
        a = connect("a");
        b = connect("b");
        c = connect("c");
        assertTrue(connected.await(5, TimeUnit.SECONDS));
        idA = byName.get("a").id();
        idB = byName.get("b").id();
        idC = byName.get("c").id();
    }

    private EventClient connect(String name) throws Exception {
        return EventClient.to(java.net.URI.create(server.uri() + "?name=" + name))
                .record("headline", String.class)
                .record("direct", String.class)
                .record("all", Integer.class)
                .record("others", Integer.class)
                .record("own room", Boolean.class)
                .recordMessages()
                .connect();
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
        c.close();
        server.close();
    }

    private static Set<String> ids(Collection<Connection> connections) {
        return connections.stream().map(Connection::id).collect(Collectors.toSet());
    }

    @Test
    void lookupsSeeEveryOpenConnection() {
        assertSame(byName.get("a"), registry.connection(idA).orElseThrow());
        assertTrue(registry.connection("no-such-id").isEmpty());
        assertEquals(Set.of(idA, idB, idC), ids(registry.connections()));
        assertEquals(3, registry.connections().size(), "each connection once");
        assertEquals(3, registry.count());
        assertTrue(registry.isConnected(idB));
        assertFalse(registry.isConnected("no-such-id"));
        assertEquals(Set.of(idA, idB, idC), registry.rooms(), "only the own-ID rooms so far");
        assertEquals(Set.of(idA), ids(registry.members(idA)));
        assertTrue(registry.members("no-such-room").isEmpty());
    }

    @Test
    void joinByIdAddsTheConnectionOnceAndRoomEmitReachesOnlyMembers() throws Exception {
        assertTrue(registry.join("news", idA));
        assertTrue(registry.join("news", idB));
        assertFalse(registry.join("news", idA), "already a member");
        assertFalse(registry.join("news", "no-such-id"), "not connected");

        assertTrue(registry.isJoined("news", idA));
        assertTrue(byName.get("a").isJoined("news"), "the connection sees the join");
        assertFalse(registry.isJoined("news", idC));
        assertFalse(registry.isJoined("news", "no-such-id"));
        assertEquals(Set.of(idA, idB), ids(registry.members("news")));
        assertEquals(2, registry.members("news").size());
        assertTrue(registry.rooms().contains("news"));

        registry.to(Target.room("news")).emit("headline", "extra").toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertEquals("extra", a.next("headline", String.class));
        assertEquals("extra", b.next("headline", String.class));
        assertNull(c.poll(QUIET), "c is not in the room");
        assertNull(a.poll(Duration.ZERO), "a got the emit once");
    }

    @Test
    void leaveByIdFiresOnLeaveAndTheEmptyRoomDisappears() throws Exception {
        registry.join("news", idA);

        assertTrue(registry.leave("news", idA));

        assertEquals(List.of("news"), leavesByName.get("a"));
        assertFalse(registry.isJoined("news", idA));
        assertFalse(byName.get("a").isJoined("news"));
        assertFalse(registry.rooms().contains("news"), "an empty room disappears");
        assertTrue(registry.members("news").isEmpty());
        assertFalse(registry.leave("news", idA), "no longer a member");
        assertFalse(registry.leave("news", "no-such-id"));
        assertEquals(List.of("news"), leavesByName.get("a"), "no leave event for a non-member");

        registry.to(Target.room("news")).emit("headline", "lost").toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertNull(a.poll(QUIET), "a left the room");
    }

    @Test
    void leaveAllLeavesEveryRoomOnceButKeepsTheOwnIdRoom() throws Exception {
        for (String room : List.of("r1", "r2", "r3")) {
            registry.join(room, idA);
        }
        registry.join("r1", idB);

        registry.leaveAll(idA);

        assertEquals(Set.of("r1", "r2", "r3"), Set.copyOf(leavesByName.get("a")));
        assertEquals(3, leavesByName.get("a").size(), "each room left once: " + leavesByName.get("a"));
        assertEquals(Set.of(idA), byName.get("a").rooms());
        assertTrue(registry.isConnected(idA));
        assertTrue(registry.isJoined(idA, idA));
        assertEquals(Set.of(idB), ids(registry.members("r1")), "other members stay");
        assertFalse(registry.rooms().contains("r2"));
        assertTrue(leavesByName.get("b").isEmpty(), "b left nothing");

        registry.to(Target.connection(idA)).emit("direct", "still reachable");
        assertEquals("still reachable", a.next("direct", String.class));
    }

    @Test
    void emitsFromOutsideReachTheTargetedConnections() throws Exception {
        registry.to(Target.all()).emit("all", 1).toCompletableFuture().get(5, TimeUnit.SECONDS);
        for (EventClient client : List.of(a, b, c)) {
            assertEquals(1, client.next("all", Integer.class));
        }

        registry.to(Target.allExcept(idA)).emit("others", 2).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(2, b.next("others", Integer.class));
        assertEquals(2, c.next("others", Integer.class));

        registry.to(Target.connection(idC)).emitMessage("just c").toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals("just c", c.nextMessage());

        registry.to(Target.room(idB)).emit("own room", true).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(true, b.next("own room", Boolean.class));

        assertNull(a.poll(QUIET), "a is excluded from allExcept and was not targeted after");
        assertNull(b.poll(Duration.ZERO));
        assertNull(c.poll(Duration.ZERO));
        for (EventClient client : List.of(a, b, c)) {
            client.assertNoErrors();
        }
    }

    @Test
    void snapshotsAreImmutable() {
        registry.join("news", idA);
        Connection someone = byName.get("b");

        assertThrows(UnsupportedOperationException.class, () -> registry.connections().add(someone));
        assertThrows(UnsupportedOperationException.class, () -> registry.connections().clear());
        assertThrows(UnsupportedOperationException.class, () -> registry.members("news").add(someone));
        assertThrows(UnsupportedOperationException.class, () -> registry.members("news").clear());
        assertThrows(UnsupportedOperationException.class, () -> registry.members("no-such-room").add(someone));
        assertThrows(UnsupportedOperationException.class, () -> registry.rooms().add("sneaky"));
        assertThrows(UnsupportedOperationException.class, () -> registry.rooms().remove("news"));
        assertThrows(UnsupportedOperationException.class, () -> byName.get("a").rooms().add("sneaky"));
        assertThrows(UnsupportedOperationException.class, () -> byName.get("a").rooms().remove(idA));

        assertTrue(registry.isJoined("news", idA));
        assertFalse(registry.rooms().contains("sneaky"));
        assertEquals(3, registry.count());
    }

    @Test
    void snapshotsDoNotChangeWhenConnectionsAndRoomsChangeLater() throws Exception {
        Collection<Connection> connections = registry.connections();
        Set<String> rooms = registry.rooms();
        Collection<Connection> members = registry.members(idA);
        Set<String> roomsOfA = byName.get("a").rooms();

        registry.join("later", idA);
        c.close();
        Await.until("c gone", () -> registry.count() == 2);

        assertEquals(Set.of(idA, idB, idC), ids(connections));
        assertEquals(Set.of(idA, idB, idC), rooms);
        assertEquals(Set.of(idA), ids(members));
        assertEquals(Set.of(idA), roomsOfA);
        assertEquals(Set.of(idA, "later"), byName.get("a").rooms());
    }

    @Test
    void disconnectOfAnUnknownIdFailsWithConnectionClosed() {
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> registry.disconnect("no-such-id").toCompletableFuture().get(5, TimeUnit.SECONDS));

        assertInstanceOf(ConnectionClosedException.class, failure.getCause());
        assertEquals(3, registry.count());
    }

    @Test
    void roomOperationsOnADisconnectedIdDoNothing() throws Exception {
        registry.disconnect(idC).toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertFalse(registry.join("news", idC));
        assertFalse(registry.leave(idC, idC));
        registry.leaveAll(idC);
        assertFalse(registry.isJoined(idC, idC));
        assertFalse(registry.rooms().contains("news"));
        assertFalse(registry.rooms().contains(idC));
        assertEquals(Set.of(idA, idB), ids(registry.connections()));
    }
}
