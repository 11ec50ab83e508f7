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

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An annotated endpoint class on the embedded server, without CDI: one instance per connection from
 * the constructor; handler parameters resolved by type and path parameter; return values emitted
 * back on the same event; leave, disconnect and error methods called as the listeners would be.
 * The clients are {@link dev.sockeye.client.SockeyeClient}s; the exact frames of return values are
 * {@code TypedPayloadsTest}'s subject.
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

    private EventClient connect(String table) throws Exception {
        return EventClient.to(server.uri("/games/" + table))
                .record("welcome", String.class)
                .record("move", Move.class)
                .record("moved", Move.class)
                .record("moves", Integer.class)
                .record("count", Integer.class)
                .record("later", String.class)
                .record("nothing", String.class)
                .record("problem", String.class)
                .recordMessages()
                .connect();
    }

    @Test
    void pathComesFromTheAnnotationAndConnectSeesThePathParameter() throws Exception {
        assertEquals("/games/{table}", endpoint.path());
        try (EventClient client = connect("t1")) {
            assertEquals("t1", client.next("welcome", String.class));
            Await.until("joined t1", () -> endpoint.registry().members("t1").size() == 1);
        }
    }

    @Test
    void returnedValueIsEmittedBackOnTheSameEventAndOthersGetTheBroadcast() throws Exception {
        try (EventClient a = connect("t1"); EventClient b = connect("t1")) {
            a.next("welcome", String.class);
            b.next("welcome", String.class);
            a.emit("move", new Move("knight", 1, 2));

            assertEquals(new Move("knight", 2, 3), a.next("move", Move.class));
            assertEquals(new Move("knight", 1, 2), b.next("moved", Move.class));

            a.emit("moves", List.of(new Move("a", 1, 1), new Move("b", 1, 1)));
            assertEquals(2, a.next("moves", Integer.class), "a generic List<Move> payload");

            a.emit("count", "");
            assertEquals(1, a.next("count", Integer.class), "per-connection instance state");
            b.emit("count", "");
            assertEquals(0, b.next("count", Integer.class), "b has its own instance");
            a.assertNoErrors();
            b.assertNoErrors();
        }
    }

    @Test
    void aCompletionStageIsEmittedWhenItCompletesAndNullSendsNothing() throws Exception {
        try (EventClient client = connect("t1")) {
            client.next("welcome", String.class);
            client.emit("nothing", "");
            client.emit("later", "abc");
            assertEquals("ABC", client.next("later", String.class), "nothing was sent for the null return");
        }
    }

    @Test
    void nativeMessagesReachTheMethodAndItsStringIsSentBack() throws Exception {
        try (EventClient client = connect("t1")) {
            client.next("welcome", String.class);
            client.client().emitMessage("hello".getBytes(StandardCharsets.UTF_8)).toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertEquals("native:hello", client.nextMessage());
        }
    }

    @Test
    void decodeFailuresAndThrownExceptionsReachTheErrorMethod() throws Exception {
        try (EventClient client = connect("t1")) {
            client.next("welcome", String.class);
            client.emit("move", "not json");
            String decode = client.next("problem", String.class);
            assertTrue(decode.startsWith("PayloadDecodeException: cannot decode the payload of event 'move'"), decode);

            client.emit("fail", "");
            String thrown = client.next("problem", String.class);
            assertTrue(thrown.startsWith("UndeclaredThrowableException: GameEndpoint.fail() threw java.io.IOException: checked failure"), thrown);
            assertTrue(client.isOpen());
        }
    }

    @Test
    void oneInstancePerConnectionReleasedAfterLeaveAndDisconnect() throws Exception {
        for (int i = 0; i < 20; i++) {
            try (EventClient client = connect("t" + i)) {
                client.next("welcome", String.class);
            }
        }
        Await.until("every connection ended", () -> EVENTS.size() == 40, () -> EVENTS);
        assertEquals(20, INSTANCES.get());
        assertEquals(Set.of(), LIVE, "every instance saw its disconnect");
        assertEquals(List.of("leave:t0", "disconnect:t0"), EVENTS.subList(0, 2), "the leave comes before the disconnect");
    }
}
