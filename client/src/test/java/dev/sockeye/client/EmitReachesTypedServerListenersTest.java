package dev.sockeye.client;

import dev.sockeye.PayloadType;
import dev.sockeye.client.Payloads.Message;
import dev.sockeye.embedded.EmbeddedServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the client emits arrives at the server's typed listeners as the same values. */
class EmitReachesTypedServerListenersTest {

    private static final BlockingQueue<Object> RECEIVED = new LinkedBlockingQueue<>();
    private static EmbeddedServer server;
    private static SockeyeClient client;

    @BeforeAll
    static void start() throws Exception {
        server = Servers.start(connection -> {
            connection.on("text", String.class, RECEIVED::add);
            connection.on("int", int.class, RECEIVED::add);
            connection.on("long", long.class, RECEIVED::add);
            connection.on("bool", boolean.class, RECEIVED::add);
            connection.on("double", double.class, RECEIVED::add);
            connection.on("bytes", byte[].class, bytes -> RECEIVED.add(ByteBuffer.wrap(bytes)));
            connection.on("record", Message.class, RECEIVED::add);
            connection.on("list", new PayloadType<List<Message>>() { }, RECEIVED::add);
            connection.on("nothing", () -> RECEIVED.add("nothing"));
        });
        client = Servers.connect(server, ClientOptions.defaults(), c -> { });
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static Object roundTrip(String event, Object value) throws Exception {
        Await.done(client.emit(event, value));
        return Await.next(RECEIVED);
    }

    @Test
    void textWithSeparatorsAndUnicodeIsUnchanged() throws Exception {
        assertEquals("hello;x ünïcødé 🐟", roundTrip("text", "hello;x ünïcødé 🐟"));
        assertEquals("", roundTrip("text", ""));
    }

    @Test
    void integralNumbersAndBooleans() throws Exception {
        assertEquals(42, roundTrip("int", 42));
        assertEquals(-9_007_199_254_740_993L, roundTrip("long", -9_007_199_254_740_993L));
        assertEquals(true, roundTrip("bool", true));
        assertEquals(false, roundTrip("bool", false));
    }

    @Test
    void floatingPointTravelsAsJsonAndDecodesAsDouble() throws Exception {
        assertEquals(3.5, roundTrip("double", 3.5));
    }

    @Test
    void bytesArriveExactlyEvenWhenNotUtf8() throws Exception {
        byte[] bytes = {0, 1, (byte) 0xff, (byte) 0xc3, 0x28};
        ByteBuffer received = (ByteBuffer) roundTrip("bytes", bytes);
        assertArrayEquals(bytes, received.array());
        ByteBuffer text = (ByteBuffer) roundTrip("bytes", "plain".getBytes(StandardCharsets.UTF_8));
        assertEquals("plain", StandardCharsets.UTF_8.decode(text).toString());
    }

    @Test
    void recordsAndGenericListsTravelAsJson() throws Exception {
        Message message = new Message("ann", List.of(1, 2));
        assertEquals(message, roundTrip("record", message));
        assertEquals(List.of(message, new Message("bob", List.of())), roundTrip("list", List.of(message, new Message("bob", List.of()))));
    }

    @Test
    void noArgumentListenerHearsAnEventWithAnyPayload() throws Exception {
        assertEquals("nothing", roundTrip("nothing", null));
    }
}
