package dev.sockeye.tck;

import dev.sockeye.Connection;
import dev.sockeye.PayloadType;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static dev.sockeye.tck.TestClient.PREFIX;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spec §1.2 and §1.3 through the wire: frames exactly as the Iris browser client sends them are
 * decoded into the type the handler declares, and the decoded value emitted back is encoded with
 * the type digit and payload of the encoding table. Raw frames ({@link TestClient}): the Iris
 * browser client's frames (its quirks included) and the type digits of the replies are the point;
 * {@code TypedPayloadsIT} also round-trips the payloads through the Java client.
 */
class TypedPayloadsTest {

    public record Rec(String name, int n) {
    }

    private static final Jsonb JSONB = JsonbBuilder.create();

    private Servers.Running server;
    private TestClient client;
    private volatile Consumer<Connection> setup = c -> { };
    /** What the server's handler received, boxed; a sentinel for "called without a value". */
    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private static final Object CALLED = new Object() {
        @Override
        public String toString() {
            return "(called)";
        }
    };

    @BeforeEach
    void start() throws Exception {
        server = Servers.start(c -> setup.accept(c));
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        server.close();
    }

    @AfterAll
    static void closeJsonb() throws Exception {
        JSONB.close();
    }

    /** Serves a handler of {@code type} on event "chat" that records the value and emits it back as "echo". */
    private <T> void echoing(Class<T> type) throws Exception {
        setup = c -> c.on("chat", type, value -> {
            received.add(value);
            c.emit("echo", value);
        });
        client = TestClient.connect(server.uri());
    }

    private <T> void echoing(PayloadType<T> type) throws Exception {
        setup = c -> c.on("chat", type, value -> {
            received.add(value);
            c.emit("echo", value);
        });
        client = TestClient.connect(server.uri());
    }

    private Object nextReceived() throws InterruptedException {
        Object value = received.poll(5, TimeUnit.SECONDS);
        assertNotNull(value, "the handler was not called");
        return value;
    }

    /** @return the payload of the next "echo" frame after checking its type digit */
    private String nextEcho(int expectedType) throws InterruptedException {
        String frame = client.next();
        String header = PREFIX + "echo;" + expectedType + ";";
        assertTrue(frame.startsWith(header), "expected a frame starting with " + header + " but was " + frame);
        return frame.substring(header.length());
    }

    @Test
    void intSentAsTypeOneDecodesAndEchoesAsTypeOneDecimal() throws Exception {
        echoing(int.class);

        client.send(PREFIX + "chat;1;42");

        assertEquals(Integer.valueOf(42), nextReceived());
        assertEquals(PREFIX + "echo;1;42", client.next());
    }

    @Test
    void intSentAsTypeZeroStringDecodesAsInt() throws Exception {
        echoing(Integer.class);

        client.send(PREFIX + "chat;0;-7");

        assertEquals(Integer.valueOf(-7), nextReceived());
        assertEquals(PREFIX + "echo;1;-7", client.next());
    }

    @Test
    void longBeyondDoublePrecisionKeepsEveryDigit() throws Exception {
        echoing(long.class);

        client.send(PREFIX + "chat;1;9007199254740993");

        assertEquals(Long.valueOf(9007199254740993L), nextReceived());
        assertEquals(PREFIX + "echo;1;9007199254740993", client.next());
    }

    @Test
    void trueSentAsTypeOneByTheIrisClientIsABoolean() throws Exception {
        echoing(boolean.class);

        client.send(PREFIX + "chat;1;true");

        assertEquals(Boolean.TRUE, nextReceived());
        assertEquals(PREFIX + "echo;2;true", client.next());
    }

    @Test
    void falseSentAsTypeTwoIsABoolean() throws Exception {
        echoing(Boolean.class);

        client.send(PREFIX + "chat;2;false");

        assertEquals(Boolean.FALSE, nextReceived());
        assertEquals(PREFIX + "echo;2;false", client.next());
    }

    @Test
    void doubleSentAsTypeOneDecodesAndEchoesAsJsonNumber() throws Exception {
        echoing(double.class);

        client.send(PREFIX + "chat;1;3.5");

        assertEquals(Double.valueOf(3.5), nextReceived());
        assertEquals(3.5, Double.parseDouble(nextEcho(4)));
    }

    @Test
    void stringPayloadKeepsItsSemicolons() throws Exception {
        echoing(String.class);

        client.send(PREFIX + "chat;0;hello;x;;y");

        assertEquals("hello;x;;y", nextReceived());
        assertEquals(PREFIX + "echo;0;hello;x;;y", client.next());
    }

    @Test
    void stringPayloadKeepsNonAsciiText() throws Exception {
        echoing(String.class);

        client.send(PREFIX + "chat;0;héllo ✓ 🐟");

        assertEquals("héllo ✓ 🐟", nextReceived());
        assertEquals(PREFIX + "echo;0;héllo ✓ 🐟", client.next());
    }

    @Test
    void emptyPayloadIsAnEmptyStringForAStringHandler() throws Exception {
        echoing(String.class);

        client.send(PREFIX + "chat;0;");

        assertEquals("", nextReceived());
        assertEquals(PREFIX + "echo;0;", client.next());
    }

    @Test
    void bytesPayloadDecodesToTheRawBytesAndEchoesAsTypeThree() throws Exception {
        echoing(byte[].class);

        client.send(PREFIX + "chat;3;abc;é");

        assertArrayEquals("abc;é".getBytes(StandardCharsets.UTF_8), (byte[]) nextReceived());
        assertEquals(PREFIX + "echo;3;abc;é", client.next());
    }

    @Test
    void noArgumentHandlerIsCalledForAnEmptyPayload() throws Exception {
        setup = c -> c.on("chat", () -> {
            received.add(CALLED);
            c.emit("called", true);
        });
        client = TestClient.connect(server.uri());

        client.send(PREFIX + "chat;0;");

        assertEquals(CALLED, nextReceived());
        assertEquals(PREFIX + "called;2;true", client.next());
    }

    @Test
    void noArgumentHandlerIgnoresWhateverPayloadComes() throws Exception {
        setup = c -> c.on("chat", () -> {
            received.add(CALLED);
            c.emit("called", true);
        });
        client = TestClient.connect(server.uri());

        client.send(PREFIX + "chat;4;{\"not\":\"read\"}");

        assertEquals(CALLED, nextReceived());
        assertEquals(PREFIX + "called;2;true", client.next());
    }

    @Test
    void recordDecodesFromJsonAndEchoesAsTypeFourJson() throws Exception {
        echoing(Rec.class);

        client.send(PREFIX + "chat;4;{\"name\":\"x\",\"n\":1}");

        assertEquals(new Rec("x", 1), nextReceived());
        String json = nextEcho(4);
        assertEquals(new Rec("x", 1), JSONB.fromJson(json, Rec.class), json);
        assertEquals(Map.of("name", "x", "n", BigDecimal.ONE), JSONB.fromJson(json, Map.class),
                "exactly the two properties: " + json);
    }

    @Test
    void listOfRecordsDecodesIntoTheDeclaredGenericType() throws Exception {
        echoing(new PayloadType<List<Rec>>() { });

        client.send(PREFIX + "chat;4;[{\"name\":\"a\",\"n\":1},{\"name\":\"b\",\"n\":2}]");

        Object value = nextReceived();
        assertEquals(List.of(new Rec("a", 1), new Rec("b", 2)), value);
        assertInstanceOf(Rec.class, ((List<?>) value).get(0), "elements are records, not maps");
        String json = nextEcho(4);
        Type listOfRec = new PayloadType<List<Rec>>() { }.type();
        assertEquals(List.of(new Rec("a", 1), new Rec("b", 2)), JSONB.fromJson(json, listOfRec), json);
    }

    @Test
    void objectHandlerDecodesTypeOneIntegerAsLong() throws Exception {
        echoing(Object.class);

        client.send(PREFIX + "chat;1;42");

        assertEquals(Long.valueOf(42), nextReceived());
        assertEquals(PREFIX + "echo;1;42", client.next());
    }

    @Test
    void objectHandlerDecodesTypeOneTrueAsBoolean() throws Exception {
        echoing(Object.class);

        client.send(PREFIX + "chat;1;true");

        assertEquals(Boolean.TRUE, nextReceived());
        assertEquals(PREFIX + "echo;2;true", client.next());
    }

    @Test
    void objectHandlerDecodesTypeOneFractionAsDouble() throws Exception {
        echoing(Object.class);

        client.send(PREFIX + "chat;1;3.5");

        assertEquals(Double.valueOf(3.5), nextReceived());
        assertEquals(3.5, Double.parseDouble(nextEcho(4)));
    }

    @Test
    void objectHandlerDecodesTypeZeroAsStringAndTypeTwoAsBoolean() throws Exception {
        echoing(Object.class);

        client.send(PREFIX + "chat;0;42");
        client.send(PREFIX + "chat;2;false");

        assertEquals("42", nextReceived(), "type 0 stays text even when it looks like a number");
        assertEquals(PREFIX + "echo;0;42", client.next());
        assertEquals(Boolean.FALSE, nextReceived());
        assertEquals(PREFIX + "echo;2;false", client.next());
    }

    @Test
    void objectHandlerDecodesTypeThreeAsBytes() throws Exception {
        echoing(Object.class);

        client.send(PREFIX + "chat;3;raw");

        assertArrayEquals("raw".getBytes(StandardCharsets.UTF_8), (byte[]) nextReceived());
        assertEquals(PREFIX + "echo;3;raw", client.next());
    }

    @Test
    void objectHandlerDecodesTypeFourJsonIntoMapsAndLists() throws Exception {
        echoing(Object.class);

        client.send(PREFIX + "chat;4;{\"a\":[1,\"b\"]}");

        Object value = nextReceived();
        Map<?, ?> map = assertInstanceOf(Map.class, value);
        assertEquals(List.of(new BigDecimal("1"), "b"), map.get("a"));
        assertEquals(PREFIX + "echo;4;{\"a\":[1,\"b\"]}", client.next());
    }

    @Test
    void jsonNullPayloadReachesARecordHandlerAsNullAndEchoesAsJsonNull() throws Exception {
        setup = c -> c.on("chat", Rec.class, value -> {
            received.add(value == null ? "(null)" : value);
            c.emit("echo", value);
        });
        client = TestClient.connect(server.uri());

        client.send(PREFIX + "chat;4;null");

        assertEquals("(null)", nextReceived());
        assertEquals(PREFIX + "echo;4;null", client.next());
    }
}
