package dev.sockeye.tck;

import dev.sockeye.Connection;
import dev.sockeye.EventEndpoint;
import dev.sockeye.OnConnect;
import dev.sockeye.OnDisconnect;
import dev.sockeye.OnError;
import dev.sockeye.OnEvent;
import dev.sockeye.OnLeave;
import dev.sockeye.OnNativeMessage;
import dev.sockeye.PayloadDecodeException;
import dev.sockeye.Sockeye;
import dev.sockeye.SockeyeEndpoint;
import dev.sockeye.Target;
import dev.sockeye.embedded.EmbeddedServer;

import jakarta.websocket.server.PathParam;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.sockeye.tck.TestClient.PREFIX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An annotated endpoint class on the embedded server, without CDI: one instance per connection from
 * the constructor; handler parameters resolved by type and path parameter; return values emitted
 * back on the same event; leave, disconnect and error methods called as the listeners would be.
 * Raw frames ({@link TestClient}): the point is the exact frame a return value becomes (type digit
 * and JSON text), and one test sends a type-4 payload that is not JSON, which the Java client never
 * writes.
 */
class AnnotatedEndpointTest {

    public record Move(String piece, int x, int y) {
    }

    static final AtomicInteger INSTANCES = new AtomicInteger();
    static final Set<Object> LIVE = ConcurrentHashMap.newKeySet();
    static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    @EventEndpoint("/games/{table}")
    public static class GameEndpoint {
        private int moves;

        public GameEndpoint() {
            INSTANCES.incrementAndGet();
            LIVE.add(this);
        }

        @OnConnect
        public void joined(Connection connection, @PathParam("table") String table) {
            connection.join(table);
            connection.emit("welcome", table);
        }

        @OnEvent("move")
        public Move move(Move move, Connection connection, @PathParam("table") String table) {
            moves++;
            connection.to(Target.allExcept(connection)).emit("moved", move);
            return new Move(move.piece(), move.x() + 1, move.y() + 1);
        }

        @OnEvent("moves")
        public int moves(List<Move> batch) {
            return batch.size();
        }

        @OnEvent("count")
        public int count() {
            return moves;
        }

        @OnEvent("later")
        public CompletionStage<String> later(String text) {
            return CompletableFuture.supplyAsync(text::toUpperCase);
        }

        @OnEvent("nothing")
        public String nothing() {
            return null;
        }

        @OnEvent("fail")
        public void fail() throws java.io.IOException {
            throw new java.io.IOException("checked failure");
        }

        @OnNativeMessage
        public String echo(String text) {
            return "native:" + text;
        }

        @OnLeave
        public void left(String room, Connection connection) {
            if (!room.equals(connection.id())) {
                EVENTS.add("leave:" + room);
            }
        }

        @OnDisconnect
        public void gone(@PathParam("table") String table) {
            EVENTS.add("disconnect:" + table);
            LIVE.remove(this);
        }

        @OnError
        public void problem(Throwable problem, Connection connection) {
            Throwable reported = problem instanceof PayloadDecodeException ? problem : problem.getCause();
            connection.emit("problem", reported.getClass().getSimpleName() + ": " + reported.getMessage());
        }
    }

    private EmbeddedServer server;
    private SockeyeEndpoint endpoint;

    @BeforeEach
    void start() throws Exception {
        INSTANCES.set(0);
        LIVE.clear();
        EVENTS.clear();
        endpoint = Sockeye.endpoint(GameEndpoint.class);
        server = EmbeddedServer.builder().port(0).endpoint(endpoint).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private URI table(String name) {
        return server.uri("/games/" + name);
    }

    @Test
    void pathComesFromTheAnnotationAndConnectSeesThePathParameter() throws Exception {
        assertEquals("/games/{table}", endpoint.path());
        try (TestClient client = TestClient.connect(table("t1"))) {
            assertEquals(PREFIX + "welcome;0;t1", client.next());
            Await.until("joined t1", () -> endpoint.registry().members("t1").size() == 1);
        }
    }

    @Test
    void returnedValueIsEmittedBackOnTheSameEventAndOthersGetTheBroadcast() throws Exception {
        try (TestClient a = TestClient.connect(table("t1")); TestClient b = TestClient.connect(table("t1"))) {
            a.next();
            b.next();
            a.emit("move", 4, "{\"piece\":\"knight\",\"x\":1,\"y\":2}");

            assertEquals(PREFIX + "move;4;{\"piece\":\"knight\",\"x\":2,\"y\":3}", a.next());
            assertEquals(PREFIX + "moved;4;{\"piece\":\"knight\",\"x\":1,\"y\":2}", b.next());

            a.emit("moves", 4, "[{\"piece\":\"a\",\"x\":1,\"y\":1},{\"piece\":\"b\",\"x\":1,\"y\":1}]");
            assertEquals(PREFIX + "moves;1;2", a.next(), "a generic List<Move> payload");

            a.emit("count", 0, "");
            assertEquals(PREFIX + "count;1;1", a.next(), "per-connection instance state");
            b.emit("count", 0, "");
            assertEquals(PREFIX + "count;1;0", b.next(), "b has its own instance");
        }
    }

    @Test
    void aCompletionStageIsEmittedWhenItCompletesAndNullSendsNothing() throws Exception {
        try (TestClient client = TestClient.connect(table("t1"))) {
            client.next();
            client.emit("nothing", 0, "");
            client.emit("later", 0, "abc");
            assertEquals(PREFIX + "later;0;ABC", client.next(), "nothing was sent for the null return");
        }
    }

    @Test
    void nativeMessagesReachTheMethodAndItsStringIsSentBack() throws Exception {
        try (TestClient client = TestClient.connect(table("t1"))) {
            client.next();
            client.send("hello");
            assertEquals("native:hello", client.next());
        }
    }

    @Test
    void decodeFailuresAndThrownExceptionsReachTheErrorMethod() throws Exception {
        try (TestClient client = TestClient.connect(table("t1"))) {
            client.next();
            client.emit("move", 4, "not json");
            String decode = client.next();
            assertTrue(decode.startsWith(PREFIX + "problem;0;PayloadDecodeException: cannot decode the payload of event 'move'"), decode);

            client.emit("fail", 0, "");
            String thrown = client.next();
            assertTrue(thrown.startsWith(PREFIX + "problem;0;UndeclaredThrowableException: GameEndpoint.fail() threw java.io.IOException: checked failure"), thrown);
            assertTrue(client.isOpen());
        }
    }

    @Test
    void oneInstancePerConnectionReleasedAfterLeaveAndDisconnect() throws Exception {
        for (int i = 0; i < 20; i++) {
            try (TestClient client = TestClient.connect(table("t" + i))) {
                client.next();
            }
        }
        Await.until("every connection ended", () -> EVENTS.size() == 40, () -> EVENTS);
        assertEquals(20, INSTANCES.get());
        assertEquals(Set.of(), LIVE, "every instance saw its disconnect");
        assertEquals(List.of("leave:t0", "disconnect:t0"), EVENTS.subList(0, 2), "the leave comes before the disconnect");
    }
}
