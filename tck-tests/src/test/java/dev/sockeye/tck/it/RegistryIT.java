package dev.sockeye.tck.it;

import dev.sockeye.Connection;
import dev.sockeye.ConnectionRegistry;
import dev.sockeye.EventEndpoint;
import dev.sockeye.OnConnect;
import dev.sockeye.OnEvent;
import dev.sockeye.OnLeave;
import dev.sockeye.Target;
import dev.sockeye.tck.TestClient;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.time.Duration;
import java.util.stream.Collectors;

import static dev.sockeye.tck.TestClient.PREFIX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The registry in a container: it counts connections, lists room members, joins and removes a
 * connection by ID (its leave handler runs), emits to a room with no sender, and forgets empty rooms.
 */
@ExtendWith(ArquillianExtension.class)
class RegistryIT {

    @EventEndpoint("/registry")
    public static class RegistryEndpoint {
        @OnConnect
        public void id(Connection connection) {
            connection.emit("id", connection.id());
        }

        @OnLeave
        public void left(Connection connection, String room) {
            if (!room.equals(connection.id())) {
                connection.emit("left", room);
            }
        }

        /** "room id": joins another connection to a room by its ID. */
        @OnEvent("join")
        public boolean join(ConnectionRegistry registry, String command) {
            String[] parts = command.split(" ");
            return registry.join(parts[0], parts[1]);
        }

        @OnEvent("leave-all")
        public void leaveAll(ConnectionRegistry registry, String id) {
            registry.leaveAll(id);
        }

        @OnEvent("members")
        public String members(ConnectionRegistry registry, String room) {
            return registry.members(room).stream().map(Connection::id).sorted().collect(Collectors.joining(","));
        }

        @OnEvent("count")
        public int count(ConnectionRegistry registry) {
            return registry.count();
        }

        @OnEvent("has-room")
        public boolean hasRoom(ConnectionRegistry registry, String room) {
            return registry.rooms().contains(room);
        }

        @OnEvent("announce")
        public void announce(ConnectionRegistry registry, String room) {
            registry.to(Target.room(room)).emit("announcement", room);
        }
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.war("registry", RegistryEndpoint.class);
    }

    @ArquillianResource
    private URL base;

    private static String ask(TestClient client, String event, String payload) throws Exception {
        client.emit(event, 0, payload);
        String frame = client.next();
        assertTrue(frame.startsWith(PREFIX + event + ";"), frame);
        return frame.substring(frame.indexOf(';', (PREFIX + event + ";").length()) + 1);
    }

    private static String idOf(TestClient client) throws Exception {
        return client.next().substring((PREFIX + "id;0;").length());
    }

    @Test
    void roomsAreManagedByConnectionIdFromOutsideTheConnection() throws Exception {
        try (TestClient admin = TestClient.connect(Urls.ws(base, "/registry"));
             TestClient a = TestClient.connect(Urls.ws(base, "/registry"));
             TestClient b = TestClient.connect(Urls.ws(base, "/registry"))) {
            idOf(admin);
            String aId = idOf(a);
            String bId = idOf(b);
            assertEquals("3", ask(admin, "count", ""));

            assertEquals("true", ask(admin, "join", "news " + aId));
            assertEquals("false", ask(admin, "join", "news " + aId), "already a member");
            assertEquals("true", ask(admin, "join", "news " + bId));
            assertEquals(java.util.stream.Stream.of(aId, bId).sorted().collect(Collectors.joining(",")),
                    ask(admin, "members", "news"));

            admin.emit("announce", 0, "news");
            assertEquals(PREFIX + "announcement;0;news", a.next());
            assertEquals(PREFIX + "announcement;0;news", b.next());
            assertNull(admin.poll(Duration.ofMillis(200)), "the registry has no sender: only members receive");

            admin.emit("leave-all", 0, aId);
            assertEquals(PREFIX + "left;0;news", a.next(), "the leave handler runs");
            assertEquals(bId, ask(admin, "members", "news"));

            admin.emit("leave-all", 0, bId);
            assertEquals(PREFIX + "left;0;news", b.next());
            assertEquals("false", ask(admin, "has-room", "news"), "an empty room disappears");
            assertEquals("true", ask(admin, "has-room", aId), "own-ID rooms stay");
        }
    }
}
