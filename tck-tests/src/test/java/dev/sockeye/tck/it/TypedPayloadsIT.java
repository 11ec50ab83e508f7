package dev.sockeye.tck.it;

import dev.sockeye.EventEndpoint;
import dev.sockeye.OnEvent;
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
import java.util.List;

import static dev.sockeye.tck.TestClient.PREFIX;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Spec §1.2 and §1.3 in a container: frames as the Iris browser client sends them are decoded into
 * the declared type (generic types included), and the returned values are encoded with the type
 * digit and payload of the encoding table.
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

    private TestClient client;

    @BeforeEach
    void connect() throws Exception {
        client = TestClient.connect(Urls.ws(base, "/typed"));
    }

    @AfterEach
    void close() throws Exception {
        client.close();
    }

    private void assertReply(String sent, String expected) throws Exception {
        client.send(PREFIX + sent);
        assertEquals(PREFIX + expected, client.next(), "reply to " + sent);
    }

    @Test
    void textKeepsSemicolonsAndEmptiness() throws Exception {
        assertReply("text;0;hello;x", "text;0;hello;x");
        assertReply("text;0;", "text;0;");
    }

    @Test
    void numbersAreReadLenientlyAndWrittenAsDecimalText() throws Exception {
        assertReply("int;1;41", "int;1;42");
        assertReply("int;0;41", "int;1;42");
        assertReply("long;1;9007199254740993", "long;1;-9007199254740993");
        assertReply("double;1;3.5", "double;4;7.0");
    }

    @Test
    void booleansIncludingTheClientsTypeOneQuirk() throws Exception {
        assertReply("bool;1;true", "bool;2;false");
        assertReply("bool;2;false", "bool;2;true");
    }

    @Test
    void jsonIsDecodedIntoTheDeclaredGenericType() throws Exception {
        assertReply("points;4;[{\"x\":1,\"y\":2},{\"x\":3,\"y\":4}]", "points;1;10");
    }

    @Test
    @DisabledIfSystemProperty(named = "sockeye.it.noRecordSupport", matches = "true",
            disabledReason = "this container's JSON-B cannot create records (see its pom.xml)")
    void jsonIsDecodedIntoRecordsAndRecordsAreEncoded() throws Exception {
        assertReply("move;4;{\"piece\":\"knight\",\"x\":1,\"y\":2}", "move;4;{\"piece\":\"knight\",\"x\":2,\"y\":3}");
    }

    @Test
    void bytesTravelRawAndAMethodWithoutPayloadIgnoresIt() throws Exception {
        assertReply("bytes;3;raw;bytes", "bytes;3;raw;bytes");
        assertReply("empty;0;", "empty;0;called");
        assertReply("empty;4;{\"ignored\":true}", "empty;0;called");
    }

    @Test
    void objectIsChosenByTheTypeDigit() throws Exception {
        assertReply("untyped;0;x", "untyped;0;String");
        assertReply("untyped;1;42", "untyped;0;Long");
        assertReply("untyped;2;true", "untyped;0;Boolean");
    }
}
