package dev.sockeye.tck;

import dev.sockeye.Connection;
import dev.sockeye.Target;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.sockeye.tck.TestClient.PREFIX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The targeting rules of spec §3 with several real clients: room emits include the sender,
 * {@code all} includes it, {@code allExcept} excludes it, an ID reaches only that connection, an
 * unknown room sends nothing, and joining twice delivers once.
 */
class TargetingRulesTest {

    private static final Duration QUIET = Duration.ofMillis(300);

    private Servers.Running server;
    private final Map<String, Connection> byName = new ConcurrentHashMap<>();
    private CountDownLatch connected;
    private TestClient a;
    private TestClient b;
    private TestClient c;

    @BeforeEach
    void start() throws Exception {
        connected = new CountDownLatch(3);
        server = Servers.start(connection -> {
            String name = connection.handshake().queryParameter("name").orElseThrow();
            byName.put(name, connection);
            if (!name.equals("c")) {
                connection.join("room1");
            }
            connection.on("room", String.class, m -> connection.to(Target.room("room1")).emit("chat", m));
            connection.on("all", String.class, m -> connection.to(Target.all()).emit("chat", m));
            connection.on("others", String.class, m -> connection.to(Target.allExcept(connection)).emit("chat", m));
            connection.on("to", String.class, id -> connection.to(Target.connection(id)).emit("chat", "direct"));
            connection.on("nowhere", String.class, m -> connection.to(Target.room("nobody-here")).emit("chat", m));
            connection.on("join-again", () -> {
                connection.join("room1");
                connection.to(Target.room("room1")).emit("chat", "once");
            });
            connected.countDown();
        });
        a = TestClient.connect(uri("a"));
        b = TestClient.connect(uri("b"));
        c = TestClient.connect(uri("c"));
        assertTrue(connected.await(5, TimeUnit.SECONDS));
    }

    private java.net.URI uri(String name) {
        return java.net.URI.create(server.uri() + "?name=" + name);
    }

    @AfterEach
    void stop() throws Exception {
        a.close();
        b.close();
        c.close();
        server.close();
    }

    @Test
    void roomEmitReachesEveryMemberIncludingTheSender() throws Exception {
        a.emit("room", 0, "hi");
        assertEquals(PREFIX + "chat;0;hi", a.next());
        assertEquals(PREFIX + "chat;0;hi", b.next());
        assertNull(c.poll(QUIET), "c is not in room1");
    }

    @Test
    void emitToAllIncludesTheSender() throws Exception {
        c.emit("all", 0, "everyone");
        for (TestClient client : new TestClient[] {a, b, c}) {
            assertEquals(PREFIX + "chat;0;everyone", client.next());
        }
    }

    @Test
    void allExceptExcludesTheSenderOnly() throws Exception {
        a.emit("others", 0, "not me");
        assertEquals(PREFIX + "chat;0;not me", b.next());
        assertEquals(PREFIX + "chat;0;not me", c.next());
        assertNull(a.poll(QUIET));
    }

    @Test
    void emitToAConnectionIdReachesOnlyThatConnection() throws Exception {
        a.emit("to", 0, byName.get("c").id());
        assertEquals(PREFIX + "chat;0;direct", c.next());
        assertNull(a.poll(QUIET));
        assertNull(b.poll(Duration.ZERO));
    }

    @Test
    void ownIdRoomReachesTheConnection() throws Exception {
        Connection target = byName.get("b");
        assertTrue(target.isJoined(target.id()));
        server.endpoint().registry().to(Target.room(target.id())).emit("chat", "own room");
        assertEquals(PREFIX + "chat;0;own room", b.next());
        assertNull(a.poll(QUIET));
    }

    @Test
    void anUnknownRoomSendsNothing() throws Exception {
        a.emit("nowhere", 0, "lost");
        assertNull(a.poll(QUIET));
        assertNull(b.poll(Duration.ZERO));
        assertNull(c.poll(Duration.ZERO));
        assertTrue(server.endpoint().registry().members("nobody-here").isEmpty());
    }

    @Test
    void joiningTwiceDeliversOnce() throws Exception {
        assertEquals(false, byName.get("a").join("room1"));
        a.emit("join-again", 0, "");
        assertEquals(PREFIX + "chat;0;once", a.next());
        assertEquals(PREFIX + "chat;0;once", b.next());
        assertNull(a.poll(QUIET), "a must receive the room emit exactly once");
        assertNull(b.poll(Duration.ZERO));
        assertEquals(2, server.endpoint().registry().members("room1").size());
    }
}
