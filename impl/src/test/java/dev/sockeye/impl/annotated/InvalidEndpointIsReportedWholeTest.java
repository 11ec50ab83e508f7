package dev.sockeye.impl.annotated;

import dev.sockeye.Config;
import dev.sockeye.Connection;
import dev.sockeye.EventEndpoint;
import dev.sockeye.Handshake;
import dev.sockeye.OnConnect;
import dev.sockeye.OnDisconnect;
import dev.sockeye.OnError;
import dev.sockeye.OnEvent;
import dev.sockeye.OnLeave;
import dev.sockeye.OnNativeMessage;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every invalid method of an endpoint class is reported in one deployment error whose lines name
 * the method, the parameter and what would have been accepted; a valid class scans cleanly.
 */
class InvalidEndpointIsReportedWholeTest {

    public record Move(String piece, int x, int y) {
    }

    @EventEndpoint("/game/{table}")
    public static class Valid {
        @OnConnect
        public void connect(Connection connection, @PathParam("table") String table, Handshake handshake) {
        }

        @OnEvent("move")
        public Move move(Move move, Connection connection) {
            return move;
        }

        @OnEvent("moves")
        public int moves(List<Move> moves) {
            return moves.size();
        }

        @OnEvent("ping")
        public void ping() {
        }

        @OnNativeMessage
        public String echo(String text) {
            return text;
        }

        @OnLeave
        public void left(String room, Connection connection) {
        }

        @OnDisconnect
        public void gone(@PathParam("table") String table) {
        }

        @OnError
        public void failed(IllegalStateException problem) {
        }
    }

    @EventEndpoint("/bad/{room}")
    public static class Bad {
        @OnEvent("chat")
        public void twoPayloads(String text, Move move) {
        }

        @OnConnect
        public void connectWithPayload(Connection connection, Move move) {
        }

        @OnEvent("x;y")
        public void badName() {
        }

        @OnEvent("dup")
        public void dupA() {
        }

        @OnEvent("dup")
        public void dupB() {
        }

        @OnLeave
        public String leaveReturns(String room) {
            return room;
        }

        @OnDisconnect
        public void unknownPathParam(@PathParam("table") String table) {
        }

        @OnError
        public void errorWithoutThrowable(Connection connection) {
        }

        @OnNativeMessage
        public void nativeOfInt(int number) {
        }

        @OnEvent("private")
        void notPublic() {
        }

        @OnEvent("static")
        public static void isStatic() {
        }

        @OnConnect
        @OnDisconnect
        public void both() {
        }

        @OnEvent("generic")
        public <T> void generic(List<T> values) {
        }

        @OnEvent("number")
        public void pathParamNotString(@PathParam("room") int room) {
        }

        @OnEvent("session")
        public void session(Session session, String text) {
        }
    }

    @EventEndpoint("no-slash")
    static class NotPublicNoSlash {
    }

    @EventEndpoint("/configured")
    public static class Configured {
        public Configured(String needsAnArgument) {
        }
    }

    @EventEndpoint("/unmakeable")
    public static class BadMethodsAndNoConstructor {
        public BadMethodsAndNoConstructor(String needsAnArgument) {
        }

        @OnLeave
        public String leaveReturns(String room) {
            return room;
        }

        @OnEvent("chat")
        public void twoPayloads(String text, Move move) {
        }
    }

    public static final class Failing implements Supplier<Config> {
        @Override
        public Config get() {
            return Config.builder().maxMessageSize(0).build();
        }
    }

    @EventEndpoint(value = "/failing-config", config = Failing.class)
    public static class BadMethodAndFailingConfig {
        @OnConnect
        public int connect() {
            return 1;
        }
    }

    public static final class Big implements Supplier<Config> {
        @Override
        public Config get() {
            return Config.builder().maxMessageSize(4096).build();
        }
    }

    @EventEndpoint(value = "/big", config = Big.class)
    public static class WithConfig {
    }

    @Test
    void aValidClassScansIntoPreparedHandlers() throws DeploymentException {
        List<String> problems = new java.util.ArrayList<>();
        EndpointModel model = EndpointScanner.scan(Valid.class, problems);

        assertEquals(List.of(), problems);
        assertEquals("/game/{table}", model.path());
        assertEquals(Map.of("move", Move.class), Map.of("move", model.events().get("move").valueType()));
        assertEquals("java.util.List<dev.sockeye.impl.annotated.InvalidEndpointIsReportedWholeTest$Move>",
                model.events().get("moves").valueType().getTypeName());
        assertNull(model.events().get("ping").payloadType(), "no payload parameter");
        assertNotNull(model.connect());
        assertNotNull(model.nativeMessage());
        assertNotNull(model.leave());
        assertNotNull(model.disconnect());
        assertEquals(IllegalStateException.class, model.error().valueType());
        assertNotNull(AnnotatedEndpoint.prepare(Valid.class).listener());
    }

    @Test
    void everyBadMethodIsListedInOneDeploymentException() {
        DeploymentException failure = assertThrows(DeploymentException.class, () -> AnnotatedEndpoint.prepare(Bad.class));
        String message = failure.getMessage();
        String[] lines = message.split("\n");

        assertTrue(lines[0].startsWith("cannot deploy the Sockeye endpoint " + Bad.class.getName() + ": 14 problems"), message);
        assertEquals(15, lines.length, message);
        assertContains(message, "Bad.twoPayloads(String, Move): parameter 2 (Move move) is a second value parameter after one of type String;"
                + " @OnEvent accepts Connection, Handshake, ConnectionRegistry, @PathParam(\"name\") String, and at most one payload parameter");
        assertContains(message, "Bad.connectWithPayload(Connection, Move): parameter 2 (Move move) is not accepted; @OnConnect accepts"
                + " Connection, Handshake, ConnectionRegistry, @PathParam(\"name\") String, and no value parameter");
        assertContains(message, "Bad.badName() @OnEvent(\"x;y\") is not an event name; accepted: a non-empty name without ';'");
        assertContains(message, "Bad.dupB() is a second @OnEvent(\"dup\") method after Bad.dupA(); accepted: one method per event");
        assertContains(message, "Bad.leaveReturns(String) returns String; @OnLeave may return void");
        assertContains(message, "Bad.unknownPathParam(String): parameter 1 (@PathParam(\"table\") String table) names"
                + " @PathParam(\"table\") but the path has no {table}; accepted names: [room]");
        assertContains(message, "Bad.errorWithoutThrowable(Connection) has no Throwable parameter; @OnError accepts");
        assertContains(message, "Bad.nativeOfInt(int): parameter 1 (int number) is not accepted; @OnNativeMessage accepts"
                + " Connection, Handshake, ConnectionRegistry, @PathParam(\"name\") String, and at most one message parameter: byte[], ByteBuffer or String");
        assertContains(message, "Bad.notPublic() is not public; accepted: a public instance method");
        assertContains(message, "Bad.isStatic() is static; accepted: a public instance method");
        assertContains(message, "Bad.both() has [@OnConnect, @OnDisconnect]; a method handles one thing");
        assertContains(message, "Bad.generic(List<T>): parameter 1 (List<T> values) has a type variable, which cannot be decoded;"
                + " @OnEvent accepts Connection, Handshake, ConnectionRegistry, @PathParam(\"name\") String, and at most one payload"
                + " parameter, decoded from the payload: String, a number, a record, List<Move> or any other JSON-B type without"
                + " type variables\n");
        assertContains(message, "Bad.session(Session, String): parameter 1 (Session session) is the container's"
                + " jakarta.websocket.Session, which handlers are not given; use Connection (for the session: id, emit, rooms,"
                + " disconnect) or Handshake (for the handshake request)\n");
        assertContains(message, "Bad.pathParamNotString(int): parameter 1 (@PathParam(\"room\") int room) is a @PathParam of another type than String");
    }

    @Test
    void classLevelProblemsAreReportedToo() {
        String message = assertThrows(DeploymentException.class, () -> AnnotatedEndpoint.prepare(NotPublicNoSlash.class)).getMessage();
        assertContains(message, "@EventEndpoint(\"no-slash\"): the path must start with '/'");
        assertContains(message, "the class must be public");

        String unannotated = assertThrows(DeploymentException.class, () -> AnnotatedEndpoint.prepare(String.class)).getMessage();
        assertContains(unannotated, "the class is not annotated with @EventEndpoint");
    }

    @Test
    void withoutCdiTheClassNeedsAPublicNoArgumentConstructor() {
        String message = assertThrows(DeploymentException.class, () -> AnnotatedEndpoint.prepare(Configured.class)).getMessage();
        assertContains(message, "Configured has no public no-argument constructor, which is needed without CDI");
    }

    @Test
    void aMissingConstructorIsReportedWithTheBadMethodsInOneError() {
        String message = assertThrows(DeploymentException.class,
                () -> AnnotatedEndpoint.prepare(BadMethodsAndNoConstructor.class)).getMessage();
        assertTrue(message.startsWith("cannot deploy the Sockeye endpoint " + BadMethodsAndNoConstructor.class.getName()
                + ": 3 problems"), message);
        assertContains(message, "BadMethodsAndNoConstructor.leaveReturns(String) returns String; @OnLeave may return void");
        assertContains(message, "BadMethodsAndNoConstructor.twoPayloads(String, Move): parameter 2 (Move move) is a second value parameter");
        assertContains(message, "BadMethodsAndNoConstructor has no public no-argument constructor, which is needed without CDI");
    }

    @Test
    void aFailingConfigIsReportedWithTheBadMethodsInOneError() {
        String message = assertThrows(DeploymentException.class,
                () -> AnnotatedEndpoint.prepare(BadMethodAndFailingConfig.class)).getMessage();
        assertTrue(message.startsWith("cannot deploy the Sockeye endpoint " + BadMethodAndFailingConfig.class.getName()
                + ": 2 problems"), message);
        assertContains(message, "BadMethodAndFailingConfig.connect() returns int; @OnConnect may return void");
        assertContains(message, "config Failing failed: java.lang.IllegalArgumentException: maxMessageSize must be at least 1 byte: 0");
    }

    @Test
    void theConfigSupplierIsAskedOnce() throws DeploymentException {
        assertEquals(4096, AnnotatedEndpoint.prepare(WithConfig.class).config().maxMessageSize());
        assertEquals(Config.DEFAULT_MAX_MESSAGE_SIZE, AnnotatedEndpoint.prepare(Valid.class).config().maxMessageSize());
    }

    private static void assertContains(String message, String expected) {
        assertTrue(message.contains(expected), "expected\n  " + expected + "\nin\n" + message);
    }
}
