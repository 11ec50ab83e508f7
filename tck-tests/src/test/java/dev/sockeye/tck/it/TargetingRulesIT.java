package dev.sockeye.tck.it;

import dev.sockeye.Connection;
import dev.sockeye.EventEndpoint;
import dev.sockeye.OnConnect;
import dev.sockeye.OnEvent;
import dev.sockeye.Target;
import dev.sockeye.tck.EventClient;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Spec §3 targeting rules in a container: a room emit includes the sender, {@code all} includes it,
 * {@code allExcept} excludes it, an ID reaches only that connection, an unknown room sends nothing,
 * joining twice delivers once. The clients are {@link dev.sockeye.client.SockeyeClient}s.
 */
@ExtendWith(ArquillianExtension.class)
class TargetingRulesIT {

    private static final Duration QUIET = Duration.ofMillis(300);

    @EventEndpoint("/targets")
    public static class TargetsEndpoint {
        @OnConnect
        public void connect(Connection connection) {
            if (!"c".equals(connection.handshake().queryParameter("name").orElse(""))) {
                connection.join("room1");
            }
            connection.emit("id", connection.id());
        }

        @OnEvent("room")
        public void room(Connection connection, String message) {
            connection.to(Target.room("room1")).emit("chat", message);
        }

        @OnEvent("all")
        public void all(Connection connection, String message) {
            connection.to(Target.all()).emit("chat", message);
        }

        @OnEvent("others")
        public void others(Connection connection, String message) {
            connection.to(Target.allExcept(connection)).emit("chat", message);
        }

        @OnEvent("to")
        public void to(Connection connection, String id) {
            connection.to(Target.connection(id)).emit("chat", "direct");
        }

        @OnEvent("nowhere")
        public void nowhere(Connection connection, String message) {
            connection.to(Target.room("nobody-here")).emit("chat", message);
        }

        @OnEvent("join-again")
        public void joinAgain(Connection connection) {
            connection.emit("joined", connection.join("room1"));
            connection.to(Target.room("room1")).emit("chat", "once");
        }
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.war("targets", TargetsEndpoint.class);
    }

    @ArquillianResource
    private URL base;

    private EventClient a;
    private EventClient b;
    private EventClient c;
    private String cId;

    @BeforeEach
    void connect() throws Exception {
        a = connect("a");
        b = connect("b");
        c = connect("c");
        cId = c.next("id", String.class);
        a.next("id", String.class);
        b.next("id", String.class);
    }

    private EventClient connect(String name) throws Exception {
        return EventClient.to(Urls.ws(base, "/targets?name=" + name))
                .record("id", String.class)
                .record("chat", String.class)
                .record("joined", Boolean.class)
                .connect();
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
        c.close();
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
        a.emit("to", cId);
        assertEquals("direct", c.next("chat", String.class));
        assertNull(a.poll(QUIET));
        assertNull(b.poll(Duration.ZERO));
    }

    @Test
    void anUnknownRoomSendsNothing() throws Exception {
        a.emit("nowhere", "lost");
        assertNull(a.poll(QUIET));
        assertNull(b.poll(Duration.ZERO));
        assertNull(c.poll(Duration.ZERO));
    }

    @Test
    void joiningTwiceDeliversOnce() throws Exception {
        a.emit("join-again", "");
        assertEquals(false, a.next("joined", Boolean.class), "already a member");
        assertEquals("once", a.next("chat", String.class));
        assertEquals("once", b.next("chat", String.class));
        assertNull(a.poll(QUIET), "a receives the room emit exactly once");
        assertNull(b.poll(Duration.ZERO));
        a.assertNoErrors();
        b.assertNoErrors();
    }
}
