package dev.sockeye.client;

import dev.sockeye.Config;
import dev.sockeye.embedded.EmbeddedServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The exact bytes the client writes. The server speaks another prefix, so every client frame
 * reaches it as a native message, unchanged.
 */
class EmitWritesIrisFramesTest {

    private static final String PREFIX = Config.DEFAULT_MESSAGE_PREFIX;
    private static final BlockingQueue<byte[]> FRAMES = new LinkedBlockingQueue<>();
    private static EmbeddedServer server;
    private static SockeyeClient client;

    @BeforeAll
    static void start() throws Exception {
        Config mirror = Config.builder().messagePrefix("not-the-client-prefix:").build();
        server = Servers.start(0, mirror, connection -> connection.onMessage(FRAMES::add));
        client = Servers.connect(server, ClientOptions.defaults(), c -> { });
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static String frameOf(String event, Object value) throws Exception {
        Await.done(client.emit(event, value));
        return new String(Await.next(FRAMES), StandardCharsets.UTF_8);
    }

    @Test
    void eachJavaTypeGetsTheTypeDigitOfTheProtocolTable() throws Exception {
        assertEquals(PREFIX + "chat;0;hello;x", frameOf("chat", "hello;x"));
        assertEquals(PREFIX + "chat;0;", frameOf("chat", ""));
        assertEquals(PREFIX + "chat;1;42", frameOf("chat", 42));
        assertEquals(PREFIX + "chat;1;-7", frameOf("chat", -7L));
        assertEquals(PREFIX + "chat;2;true", frameOf("chat", true));
        assertEquals(PREFIX + "chat;2;false", frameOf("chat", false));
        assertEquals(PREFIX + "chat;3;raw", frameOf("chat", "raw".getBytes(StandardCharsets.UTF_8)));
        assertEquals(PREFIX + "chat;4;3.5", frameOf("chat", 3.5));
        assertEquals(PREFIX + "chat;4;{\"a\":[1,\"b\"]}", frameOf("chat", Map.of("a", List.of(1, "b"))));
        assertEquals(PREFIX + "chat;4;null", frameOf("chat", null));
    }

    @Test
    void nativeMessagesGoOutUnchanged() throws Exception {
        Await.done(client.emitMessage("raw native"));
        assertEquals("raw native", new String(Await.next(FRAMES), StandardCharsets.UTF_8));
        byte[] binary = {(byte) 0xff, 0, 1};
        Await.done(client.emitMessage(binary));
        assertArrayEquals(binary, Await.next(FRAMES));
    }

    @Test
    void invalidEventNamesAreRefusedBeforeAnythingIsSent() {
        assertThrows(IllegalArgumentException.class, () -> client.emit("a;b", 1));
        assertThrows(IllegalArgumentException.class, () -> client.emit("", 1));
    }
}
