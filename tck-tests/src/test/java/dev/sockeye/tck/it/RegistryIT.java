package dev.sockeye.tck.it;

import dev.sockeye.Connection;
import dev.sockeye.ConnectionRegistry;
import dev.sockeye.EventEndpoint;
import dev.sockeye.OnConnect;
import dev.sockeye.OnEvent;
import dev.sockeye.OnLeave;
import dev.sockeye.Target;
import dev.sockeye.tck.EventClient;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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

    private EventClient connect() throws Exception {
        return EventClient.to(Urls.ws(base, "/registry"))
                .record("id", String.class)
                .record("count", Integer.class)
                .record("join", Boolean.class)
                .record("members", String.class)
                .record("has-room", Boolean.class)
                .record("announcement", String.class)
                .record("left", String.class)
                .connect();
    }

    private static <T> T ask(EventClient client, String event, String payload, Class<T> type) throws Exception {
        client.emit(event, payload);
        return client.next(event, type);
    }

    @Test
    void roomsAreManagedByConnectionIdFromOutsideTheConnection() throws Exception {
        try (EventClient admin = connect(); EventClient a = connect(); EventClient b = connect()) {
            admin.next("id", String.class);
            String aId = a.next("id", String.class);
            String bId = b.next("id", String.class);
            assertEquals(3, ask(admin, "count", "", Integer.class));

            assertEquals(true, ask(admin, "join", "news " + aId, Boolean.class));
            assertEquals(false, ask(admin, "join", "news " + aId, Boolean.class), "already a member");
            assertEquals(true, ask(admin, "join", "news " + bId, Boolean.class));
            assertEquals(Stream.of(aId, bId).sorted().collect(Collectors.joining(",")),
                    ask(admin, "members", "news", String.class));

            admin.emit("announce", "news");
            assertEquals("news", a.next("announcement", String.class));
            assertEquals("news", b.next("announcement", String.class));
            assertNull(admin.poll(Duration.ofMillis(200)), "the registry has no sender: only members receive");

            admin.emit("leave-all", aId);
            assertEquals("news", a.next("left", String.class), "the leave handler runs");
            assertEquals(bId, ask(admin, "members", "news", String.class));

            admin.emit("leave-all", bId);
            assertEquals("news", b.next("left", String.class));
            assertEquals(false, ask(admin, "has-room", "news", Boolean.class), "an empty room disappears");
            assertEquals(true, ask(admin, "has-room", aId, Boolean.class), "own-ID rooms stay");
            for (EventClient client : List.of(admin, a, b)) {
                client.assertNoErrors();
            }
        }
    }
}
