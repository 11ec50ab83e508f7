package dev.sockeye.tck.it;

import dev.sockeye.EventEndpoint;
import dev.sockeye.OnEvent;
import dev.sockeye.tck.EventClient;
import dev.sockeye.tck.TestClient;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static dev.sockeye.tck.TestClient.PREFIX;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Spec §1.2 and §1.3 in a container: frames as the Iris browser client sends them are decoded into
 * the declared type (generic types included), and the returned values are encoded with the type
 * digit and payload of the encoding table. The event-level tests use a
 * {@link dev.sockeye.client.SockeyeClient}, which encodes and decodes as an application's Java
 * client does; one test stays on raw frames for what only the wire shows (see its javadoc).
 */
@ExtendWith(ArquillianExtension.class)
class TypedPayloadsIT {

    public record Move(String piece, int x, int y) {
    }

    /** A JavaBean payload: works with every JSON-B implementation. */
    public static class Point {
        public int x;
        public int y;
    }

    @EventEndpoint("/typed")
    public static class TypedEndpoint {
        @OnEvent("text")
        public String text(String text) {
            return text;
        }

        @OnEvent("int")
        public int plusOne(int number) {
            return number + 1;
        }

        @OnEvent("long")
        public long negate(long number) {
            return -number;
        }

        @OnEvent("double")
        public double twice(double number) {
            return number * 2;
        }

        @OnEvent("bool")
        public boolean not(boolean flag) {
            return !flag;
        }

        @OnEvent("move")
        public Move move(Move move) {
            return new Move(move.piece(), move.x() + 1, move.y() + 1);
        }

        @OnEvent("points")
        public int sum(List<Point> points) {
            return points.stream().mapToInt(p -> p.x + p.y).sum();
        }

        @OnEvent("bytes")
        public byte[] bytes(byte[] bytes) {
            return bytes;
        }

        @OnEvent("empty")
        public String empty() {
            return "called";
        }

        @OnEvent("untyped")
        public String untyped(Object value) {
            return value == null ? "null" : value.getClass().getSimpleName();
        }
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.war("typed", TypedEndpoint.class, Move.class, Point.class);
    }

    @ArquillianResource
    private URL base;

    private EventClient client;

    @BeforeEach
    void connect() throws Exception {
        client = EventClient.to(Urls.ws(base, "/typed"))
                .record("text", String.class)
                .record("int", Integer.class)
                .record("long", Long.class)
                .record("double", Double.class)
                .record("bool", Boolean.class)
                .record("move", Move.class)
                .record("points", Integer.class)
                .record("bytes", byte[].class)
                .record("empty", String.class)
                .record("untyped", String.class)
                .connect();
    }

    @AfterEach
    void close() {
        client.assertNoErrors();
        client.close();
    }

    private <T> T reply(String event, Object sent, Class<T> type) throws Exception {
        client.emit(event, sent);
        return client.next(event, type);
    }

    @Test
    void textKeepsSemicolonsAndEmptiness() throws Exception {
        assertEquals("hello;x", reply("text", "hello;x", String.class));
        assertEquals("", reply("text", "", String.class));
    }

    @Test
    void numbersTravelBothWays() throws Exception {
        assertEquals(42, reply("int", 41, Integer.class));
        assertEquals(-9007199254740993L, reply("long", 9007199254740993L, Long.class));
        assertEquals(7.0, reply("double", 3.5, Double.class));
    }

    @Test
    void booleansTravelBothWays() throws Exception {
        assertEquals(false, reply("bool", true, Boolean.class));
        assertEquals(true, reply("bool", false, Boolean.class));
    }

    @Test
    void jsonIsDecodedIntoTheDeclaredGenericType() throws Exception {
        Point first = new Point();
        first.x = 1;
        first.y = 2;
        Point second = new Point();
        second.x = 3;
        second.y = 4;
        assertEquals(10, reply("points", List.of(first, second), Integer.class));
    }

    @Test
    @DisabledIfSystemProperty(named = "sockeye.it.noRecordSupport", matches = "true",
            disabledReason = "this container's JSON-B cannot create records (see its pom.xml)")
    void jsonIsDecodedIntoRecordsAndRecordsAreEncoded() throws Exception {
        assertEquals(new Move("knight", 2, 3), reply("move", new Move("knight", 1, 2), Move.class));
    }

    @Test
    void bytesTravelRawAndAMethodWithoutPayloadIgnoresIt() throws Exception {
        byte[] bytes = "raw;bytes".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(bytes, reply("bytes", bytes, byte[].class));
        assertEquals("called", reply("empty", "", String.class));
        assertEquals("called", reply("empty", Map.of("ignored", true), String.class));
    }

    @Test
    void objectIsChosenByTheTypeOfTheValueSent() throws Exception {
        assertEquals("String", reply("untyped", "x", String.class));
        assertEquals("Long", reply("untyped", 42, String.class));
        assertEquals("Boolean", reply("untyped", true, String.class));
    }

    /**
     * Raw frames: the Iris browser client's quirks (numbers and booleans sent with another type
     * digit) and the type digit of each reply are bytes on the wire, which a {@code SockeyeClient}
     * neither sends nor shows.
     */
    @Test
    void irisClientFramesAreReadLenientlyAndRepliesCarryTheTablesTypeDigits() throws Exception {
        try (TestClient raw = TestClient.connect(Urls.ws(base, "/typed"))) {
            assertRawReply(raw, "text;0;hello;x", "text;0;hello;x");
            assertRawReply(raw, "text;0;", "text;0;");
            assertRawReply(raw, "int;1;41", "int;1;42");
            assertRawReply(raw, "int;0;41", "int;1;42");
            assertRawReply(raw, "long;1;9007199254740993", "long;1;-9007199254740993");
            assertRawReply(raw, "double;1;3.5", "double;4;7.0");
            assertRawReply(raw, "bool;1;true", "bool;2;false");
            assertRawReply(raw, "bool;2;false", "bool;2;true");
            assertRawReply(raw, "points;4;[{\"x\":1,\"y\":2},{\"x\":3,\"y\":4}]", "points;1;10");
            assertRawReply(raw, "bytes;3;raw;bytes", "bytes;3;raw;bytes");
            assertRawReply(raw, "empty;4;{\"ignored\":true}", "empty;0;called");
            assertRawReply(raw, "untyped;0;x", "untyped;0;String");
            assertRawReply(raw, "untyped;1;42", "untyped;0;Long");
            assertRawReply(raw, "untyped;2;true", "untyped;0;Boolean");
            if (!Boolean.getBoolean("sockeye.it.noRecordSupport")) {
                assertRawReply(raw, "move;4;{\"piece\":\"knight\",\"x\":1,\"y\":2}",
                        "move;4;{\"piece\":\"knight\",\"x\":2,\"y\":3}");
            }
        }
    }

    private static void assertRawReply(TestClient raw, String sent, String expected) throws Exception {
        raw.send(PREFIX + sent);
        assertEquals(PREFIX + expected, raw.next(), "reply to " + sent);
    }
}
