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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The targeting rules of spec §3 with several real clients: room emits include the sender,
 * {@code all} includes it, {@code allExcept} excludes it, an ID reaches only that connection, an
 * unknown room sends nothing, and joining twice delivers once. The clients are
 * {@link dev.sockeye.client.SockeyeClient}s.
 */
class TargetingRulesTest {

    private static final Duration QUIET = Duration.ofMillis(300);

    private Servers.Running server;
    private final Map<String, Connection> byName = new ConcurrentHashMap<>();
    private CountDownLatch connected;
    private EventClient a;
    private EventClient b;
    private EventClient c;

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
        a = connect("a");
        b = connect("b");
        c = connect("c");
        assertTrue(connected.await(5, TimeUnit.SECONDS));
    }

    private EventClient connect(String name) throws Exception {
        return EventClient.to(java.net.URI.create(server.uri() + "?name=" + name)).record("chat", String.class).connect();
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
        c.close();
        server.close();
    }

    @Test
    void roomEmitReachesEveryMemberIncludingTheSender() throws Exception {
        a.emit("room", "hi");
        assertEquals("hi", a.next("chat", String.class));
        assertEquals("hi", b.next("chat", String.class));
        assertNull(c.poll(QUIET), "c is not in room1");
    }

    @Test
    void emitToAllIncludesTheSender() throws Exception {
        c.emit("all", "everyone");
        for (EventClient client : new EventClient[] {a, b, c}) {
            assertEquals("everyone", client.next("chat", String.class));
        }
    }

    @Test
    void allExceptExcludesTheSenderOnly() throws Exception {
        a.emit("others", "not me");
        assertEquals("not me", b.next("chat", String.class));
        assertEquals("not me", c.next("chat", String.class));
        assertNull(a.poll(QUIET));
    }

    @Test
    void emitToAConnectionIdReachesOnlyThatConnection() throws Exception {
        a.emit("to", byName.get("c").id());
        assertEquals("direct", c.next("chat", String.class));
        assertNull(a.poll(QUIET));
        assertNull(b.poll(Duration.ZERO));
    }

    @Test
    void ownIdRoomReachesTheConnection() throws Exception {
        Connection target = byName.get("b");
        assertTrue(target.isJoined(target.id()));
        server.endpoint().registry().to(Target.room(target.id())).emit("chat", "own room");
        assertEquals("own room", b.next("chat", String.class));
        assertNull(a.poll(QUIET));
    }

    @Test
    void anUnknownRoomSendsNothing() throws Exception {
        a.emit("nowhere", "lost");
        assertNull(a.poll(QUIET));
        assertNull(b.poll(Duration.ZERO));
        assertNull(c.poll(Duration.ZERO));
        assertTrue(server.endpoint().registry().members("nobody-here").isEmpty());
    }

    @Test
    void joiningTwiceDeliversOnce() throws Exception {
        assertEquals(false, byName.get("a").join("room1"));
        a.emit("join-again", "");
        assertEquals("once", a.next("chat", String.class));
        assertEquals("once", b.next("chat", String.class));
        assertNull(a.poll(QUIET), "a must receive the room emit exactly once");
        assertNull(b.poll(Duration.ZERO));
        assertEquals(2, server.endpoint().registry().members("room1").size());
        a.assertNoErrors();
        b.assertNoErrors();
    }
}
