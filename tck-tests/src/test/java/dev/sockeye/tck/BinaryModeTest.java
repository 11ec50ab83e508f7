package dev.sockeye.tck;

import dev.sockeye.Config;
import dev.sockeye.Connection;
import dev.sockeye.Target;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.sockeye.tck.TestClient.PREFIX;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Spec §1.4: with {@code binaryMessages(true)} every outgoing frame (events of every payload type,
 * native messages, room, broadcast and registry emits) is a binary frame holding exactly the bytes
 * the text frame would have had; incoming text frames are still understood. Raw frames
 * ({@link TestClient}): whether a frame is text or binary, and its bytes, are the point; the Java
 * client accepts both alike.
 */
class BinaryModeTest {

    public record Point(int x, int y) {
    }

    private Servers.Running server;
    private final BlockingQueue<Connection> opened = new LinkedBlockingQueue<>();
    private TestClient a;
    private TestClient b;
    private Connection connectionA;

    @BeforeEach
    void start() throws Exception {
        server = Servers.start(Config.builder().binaryMessages(true).build(), c -> {
            c.join("room");
            c.on("echo", String.class, text -> c.emit("echo", text));
            c.on("room", String.class, text -> c.to(Target.room("room")).emit("room", text));
            c.on("others", String.class, text -> c.to(Target.allExcept(c)).emit("others", text));
            opened.add(c);
        });
        a = TestClient.connect(server.uri());
        connectionA = awaitOpened();
        b = TestClient.connect(server.uri());
        awaitOpened();
    }

    private Connection awaitOpened() throws InterruptedException {
        Connection c = opened.poll(5, TimeUnit.SECONDS);
        assertNotNull(c);
        return c;
    }

    @AfterEach
    void stop() throws Exception {
        a.close();
        b.close();
        server.close();
    }

    @Test
    void emitOfEveryPayloadTypeArrivesAsBinaryFrameWithTheTextFrameBytes() throws Exception {
        connectionA.emit("s", "héllo;x");
        connectionA.emit("i", 42);
        connectionA.emit("b", true);
        connectionA.emit("bytes", "raw".getBytes(StandardCharsets.UTF_8));
        connectionA.emit("json", new Point(1, 2)).toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertArrayEquals((PREFIX + "s;0;héllo;x").getBytes(StandardCharsets.UTF_8), a.nextBinary());
        assertArrayEquals((PREFIX + "i;1;42").getBytes(StandardCharsets.UTF_8), a.nextBinary());
        assertArrayEquals((PREFIX + "b;2;true").getBytes(StandardCharsets.UTF_8), a.nextBinary());
        assertArrayEquals((PREFIX + "bytes;3;raw").getBytes(StandardCharsets.UTF_8), a.nextBinary());
        assertArrayEquals((PREFIX + "json;4;{\"x\":1,\"y\":2}").getBytes(StandardCharsets.UTF_8), a.nextBinary());
        assertEquals(List.of(
                "binary:" + PREFIX + "s;0;héllo;x",
                "binary:" + PREFIX + "i;1;42",
                "binary:" + PREFIX + "b;2;true",
                "binary:" + PREFIX + "bytes;3;raw",
                "binary:" + PREFIX + "json;4;{\"x\":1,\"y\":2}"), a.drain(), "no text frame among them");
    }

    @Test
    void emitMessageArrivesAsBinaryFrameWithTheSameBytes() throws Exception {
        connectionA.emitMessage("raw").toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertEquals("binary:raw", a.next());
    }

    @Test
    void replyToAnIncomingTextFrameIsBinary() throws Exception {
        a.emit("echo", 0, "hi");

        assertEquals("binary:" + PREFIX + "echo;0;hi", a.next());
    }

    @Test
    void roomEmitArrivesAsBinaryAtEveryMember() throws Exception {
        a.emit("room", 0, "to all members");

        assertEquals("binary:" + PREFIX + "room;0;to all members", a.next());
        assertEquals("binary:" + PREFIX + "room;0;to all members", b.next());
    }

    @Test
    void broadcastExceptSenderArrivesAsBinary() throws Exception {
        a.emit("others", 0, "not me");

        assertEquals("binary:" + PREFIX + "others;0;not me", b.next());
    }

    @Test
    void registryEmitAndNativeBroadcastArriveAsBinary() throws Exception {
        server.endpoint().registry().to(Target.all()).emit("news", Map.of("k", "v"));
        server.endpoint().registry().to(Target.room("room")).emitMessage("native to room");

        for (TestClient client : new TestClient[] {a, b}) {
            assertEquals("binary:" + PREFIX + "news;4;{\"k\":\"v\"}", client.next());
            assertEquals("binary:native to room", client.next());
        }
    }
}
