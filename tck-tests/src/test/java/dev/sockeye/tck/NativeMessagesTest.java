package dev.sockeye.tck;

import dev.sockeye.Connection;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.sockeye.tck.TestClient.PREFIX;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spec §1.1 native frames and §1.4 "incoming frames are handled the same whether text or binary":
 * a frame without the event prefix reaches the native listeners byte for byte, {@code emitMessage}
 * sends its bytes unchanged, and a binary event frame is dispatched like a text one. Raw frames
 * ({@link TestClient}): the bytes and the frame kind (text or binary) are the point.
 */
class NativeMessagesTest {

    private Servers.Running server;
    private TestClient client;
    private final CompletableFuture<Connection> connection = new CompletableFuture<>();
    private final BlockingQueue<byte[]> natives = new LinkedBlockingQueue<>();
    private final List<String> chats = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Throwable> errors = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        server = Servers.start(c -> {
            c.onError(errors::add);
            c.onMessage(natives::add);
            c.on("chat", String.class, text -> {
                chats.add(text);
                c.emit("chat", "got " + text);
            });
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

    private byte[] nextNative() throws InterruptedException {
        byte[] bytes = natives.poll(5, TimeUnit.SECONDS);
        assertNotNull(bytes, "no native message reached onMessage");
        return bytes;
    }

    @Test
    void textFrameWithoutPrefixReachesOnMessageWithItsExactUtf8Bytes() throws Exception {
        String text = "raw native; héllo ✓ " + PREFIX + "chat;0;not an event";

        client.send(text);

        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), nextNative());
        assertTrue(chats.isEmpty(), "a native frame is not an event: " + chats);
        assertTrue(errors.isEmpty(), "a native frame is not an error: " + errors);
    }

    @Test
    void frameThatAlmostStartsWithThePrefixIsNative() throws Exception {
        String text = "iris-websocket-message;chat;0;x";

        client.send(text);

        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), nextNative());
        assertTrue(errors.isEmpty(), String.valueOf(errors));
    }

    @Test
    void binaryFrameWithoutPrefixReachesOnMessageWithItsExactBytes() throws Exception {
        byte[] bytes = {0, 1, (byte) 0xff, (byte) 0xfe, ';', 'x', (byte) 0x80};

        client.sendBinary(bytes);

        assertArrayEquals(bytes, nextNative());
        assertTrue(errors.isEmpty(), String.valueOf(errors));
    }

    @Test
    void emitMessageReachesTheClientAsTheExactTextFrame() throws Exception {
        connection.get().emitMessage("raw").toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertEquals("raw", client.next());
    }

    @Test
    void emitMessageOfBytesThatAreNotUtf8ArrivesAsABinaryFrameWithThoseBytes() throws Exception {
        byte[] bytes = {(byte) 0xff, 0, (byte) 0xc3, 'a'};

        connection.get().emitMessage(bytes).toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertArrayEquals(bytes, client.nextBinary());
    }

    @Test
    void emitMessageWithTheEventPrefixIsSentUnchanged() throws Exception {
        connection.get().emitMessage(PREFIX + "looks;0;like an event").toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertEquals(PREFIX + "looks;0;like an event", client.next());
    }

    @Test
    void binaryEventFrameIsDispatchedLikeATextEventFrame() throws Exception {
        client.sendBinary((PREFIX + "chat;0;hi").getBytes(StandardCharsets.UTF_8));

        assertEquals(PREFIX + "chat;0;got hi", client.next());
        assertEquals(List.of("hi"), chats);
        assertNull(natives.poll(0, TimeUnit.MILLISECONDS), "an event frame is not a native message");
    }

    @Test
    void textAndBinaryFramesAreHandledInArrivalOrder() throws Exception {
        client.emit("chat", 0, "one");
        client.sendBinary((PREFIX + "chat;0;two").getBytes(StandardCharsets.UTF_8));
        client.emit("chat", 0, "three");

        assertEquals(PREFIX + "chat;0;got one", client.next());
        assertEquals(PREFIX + "chat;0;got two", client.next());
        assertEquals(PREFIX + "chat;0;got three", client.next());
        assertNull(client.poll(Duration.ofMillis(100)));
    }
}
