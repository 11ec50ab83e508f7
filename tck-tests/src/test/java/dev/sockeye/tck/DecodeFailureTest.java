package dev.sockeye.tck;

import dev.sockeye.Connection;
import dev.sockeye.MalformedFrameException;
import dev.sockeye.PayloadDecodeException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.sockeye.tck.TestClient.PREFIX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spec §1.3: a payload that cannot become the declared type, or a frame that starts with the
 * prefix but is not an event frame, is never silently dropped and never turned into a wrong value:
 * the error listeners hear about it, the handler is not called, and the connection stays open. An
 * event nobody listens to is ignored. Raw frames ({@link TestClient}): malformed frames and payloads
 * that do not match their type digit are exactly what the Java client never sends.
 */
class DecodeFailureTest {

    public record Rec(String name, int n) {
    }

    private Servers.Running server;
    private TestClient client;
    private final CompletableFuture<Connection> connection = new CompletableFuture<>();
    private final BlockingQueue<Throwable> errors = new LinkedBlockingQueue<>();
    private final List<Object> handled = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = Servers.start(c -> {
            c.onError(errors::add);
            c.on("chat", int.class, n -> {
                handled.add(n);
                c.emit("ok", n);
            });
            c.on("rec", Rec.class, r -> {
                handled.add(r);
                c.emit("ok", r.name());
            });
            c.on("ping", () -> c.emit("pong", ""));
            connection.complete(c);
        });
        client = TestClient.connect(server.uri());
        connection.get(5, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close();
    }

    private Throwable nextError() throws InterruptedException {
        Throwable error = errors.poll(5, TimeUnit.SECONDS);
        assertNotNull(error, "the error listener heard nothing");
        return error;
    }

    /**
     * Sends a frame the server must answer; since one connection's frames are handled in order,
     * the answer proves every earlier frame has been handled, and the connection is still open.
     */
    private void assertStillServing() throws Exception {
        client.emit("ping", 0, "");
        assertEquals(PREFIX + "pong;0;", client.next());
        assertTrue(connection.get().isOpen());
        assertTrue(client.closeReason().isEmpty(), "the connection was closed: " + client.closeReason());
    }

    @Test
    void nonNumericPayloadForIntHandlerReportsDecodeErrorNamingEventAndType() throws Exception {
        client.send(PREFIX + "chat;0;notanumber");

        PayloadDecodeException error = assertInstanceOf(PayloadDecodeException.class, nextError());
        assertEquals("chat", error.event());
        assertTrue(error.getMessage().contains("'chat'"), "names the event: " + error.getMessage());
        assertTrue(error.getMessage().contains(" as int"), "names the type: " + error.getMessage());
        assertEquals(int.class, error.expectedType());
    }

    @Test
    void undecodablePayloadDoesNotCallTheHandlerAndKeepsTheConnectionOpen() throws Exception {
        client.send(PREFIX + "chat;0;notanumber");
        client.send(PREFIX + "chat;1;3.5");
        client.send(PREFIX + "chat;1;99999999999");
        client.send(PREFIX + "chat;1;");
        client.send(PREFIX + "chat;1;7");

        assertEquals(PREFIX + "ok;1;7", client.next());
        assertEquals(List.of(7), handled, "only the valid frame reached the handler");
        for (int i = 0; i < 4; i++) {
            assertInstanceOf(PayloadDecodeException.class, nextError());
        }
        assertStillServing();
    }

    @Test
    void invalidJsonForRecordHandlerReportsDecodeErrorAndKeepsTheConnectionOpen() throws Exception {
        client.send(PREFIX + "rec;4;{\"name\":");

        PayloadDecodeException error = assertInstanceOf(PayloadDecodeException.class, nextError());
        assertEquals("rec", error.event());
        assertEquals(Rec.class, error.expectedType());
        assertTrue(error.getMessage().contains(Rec.class.getTypeName()), error.getMessage());
        client.send(PREFIX + "rec;4;{\"name\":\"fine\",\"n\":2}");
        assertEquals(PREFIX + "ok;0;fine", client.next());
        assertEquals(List.of(new Rec("fine", 2)), handled);
        assertStillServing();
    }

    @Test
    void jsonOfTheWrongShapeForRecordHandlerReportsDecodeError() throws Exception {
        client.send(PREFIX + "rec;4;[1,2,3]");

        PayloadDecodeException error = assertInstanceOf(PayloadDecodeException.class, nextError());
        assertEquals("rec", error.event());
        assertStillServing();
        assertTrue(handled.isEmpty(), "handler called with " + handled);
    }

    @Test
    void frameWithoutSemicolonIsMalformedAndKeepsTheConnectionOpen() throws Exception {
        assertMalformed(PREFIX + "chat");
    }

    @Test
    void frameWithBadTypeDigitIsMalformed() throws Exception {
        assertMalformed(PREFIX + "chat;9;x");
    }

    @Test
    void frameWithMultiCharacterTypeIsMalformed() throws Exception {
        assertMalformed(PREFIX + "chat;12;x");
    }

    @Test
    void frameWithoutTypeSeparatorIsMalformed() throws Exception {
        assertMalformed(PREFIX + "chat;1");
    }

    @Test
    void frameWithEmptyEventNameIsMalformed() throws Exception {
        assertMalformed(PREFIX + ";0;x");
    }

    @Test
    void frameThatIsOnlyThePrefixIsMalformed() throws Exception {
        assertMalformed(PREFIX);
    }

    @Test
    void malformedBinaryFrameIsMalformedToo() throws Exception {
        client.sendBinary((PREFIX + "chat;x;1").getBytes(StandardCharsets.UTF_8));

        assertInstanceOf(MalformedFrameException.class, nextError());
        assertStillServing();
        assertTrue(handled.isEmpty(), "handler called with " + handled);
    }

    private void assertMalformed(String frame) throws Exception {
        client.send(frame);

        assertInstanceOf(MalformedFrameException.class, nextError(), "for frame '" + frame + "'");
        assertStillServing();
        assertTrue(handled.isEmpty(), "handler called with " + handled);
        assertTrue(errors.isEmpty(), "one report per frame: " + errors);
    }

    @Test
    void eventWithoutListenerIsIgnoredWithoutErrorAndKeepsTheConnectionOpen() throws Exception {
        client.send(PREFIX + "nobody-listens;0;hello");
        client.send(PREFIX + "nobody-listens;4;{not json");

        assertStillServing();
        assertTrue(errors.isEmpty(), "an unknown event is not an error: " + errors);
        assertTrue(handled.isEmpty(), "handler called with " + handled);
    }
}
