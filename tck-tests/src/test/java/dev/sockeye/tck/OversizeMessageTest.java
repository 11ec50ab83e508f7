package dev.sockeye.tck;

import dev.sockeye.Config;
import dev.sockeye.Connection;

import jakarta.websocket.CloseReason;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.sockeye.tck.TestClient.PREFIX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Spec §1.3 and §3 "max size": an incoming message larger than {@code maxMessageSize} bytes
 * (default 1024) closes the connection with code 1009, and the connection then leaves its rooms and
 * disconnects exactly once; a message of exactly the limit is accepted. Raw frames
 * ({@link TestClient}): the frame sizes around the limit and the close code are the point.
 */
class OversizeMessageTest {

    private static final Duration QUIET = Duration.ofMillis(300);
    private static final String HEADER = PREFIX + "chat;0;";

    private Servers.Running server;
    private TestClient client;
    private Connection connection;
    private final BlockingQueue<Connection> opened = new LinkedBlockingQueue<>();
    private final Map<String, List<String>> events = new ConcurrentHashMap<>();

    private void start(Config config) throws Exception {
        server = Servers.start(config, c -> {
            List<String> log = events.computeIfAbsent(c.id(), id -> new CopyOnWriteArrayList<>());
            c.join("room");
            c.onLeave(room -> log.add("leave:" + room));
            c.onDisconnect(() -> log.add("disconnect"));
            c.on("chat", String.class, text -> c.emit("length", text.length()));
            c.onMessage(bytes -> c.emit("native-length", bytes.length));
            opened.add(c);
        });
        client = TestClient.connect(server.uri());
        connection = opened.poll(5, TimeUnit.SECONDS);
        assertNotNull(connection);
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** @return an event frame of exactly {@code bytes} UTF-8 bytes */
    private static String eventFrameOf(int bytes) {
        return HEADER + "x".repeat(bytes - HEADER.length());
    }

    private void assertClosedWith1009ThenLeftAndDisconnectedOnce() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (client.closeReason().isEmpty() && System.nanoTime() < deadline) {
            String answer = client.poll(Duration.ofMillis(20));
            if (answer != null) {
                fail("the server handled a message over the limit instead of closing with 1009; it answered " + answer);
            }
        }
        assertEquals(CloseReason.CloseCodes.TOO_BIG, client.awaitClose().getCloseCode());
        List<String> log = events.get(connection.id());
        Await.until("the disconnect listener", () -> log.contains("disconnect"), () -> log);
        Thread.sleep(QUIET.toMillis());
        assertEquals(3, log.size(), "two leaves then one disconnect: " + log);
        assertEquals(Set.of("leave:room", "leave:" + connection.id()), Set.copyOf(log.subList(0, 2)), log.toString());
        assertEquals("disconnect", log.get(2));
        assertEquals(0, server.endpoint().registry().count());
        assertTrue(server.endpoint().registry().rooms().isEmpty(), "rooms left behind: " + server.endpoint().registry().rooms());
    }

    @Test
    void textFrameOf2000BytesClosesWith1009AndDisconnectsOnce() throws Exception {
        start(Config.defaults());

        client.send(eventFrameOf(2000));

        assertClosedWith1009ThenLeftAndDisconnectedOnce();
    }

    @Test
    void textFrameOneByteOverTheDefaultLimitClosesWith1009() throws Exception {
        start(Config.defaults());

        client.send(eventFrameOf(Config.DEFAULT_MAX_MESSAGE_SIZE + 1));

        assertClosedWith1009ThenLeftAndDisconnectedOnce();
    }

    @Test
    void limitCountsUtf8BytesNotCharacters() throws Exception {
        start(Config.defaults());
        // 700 characters but 1400 bytes: within the limit if it counted characters.
        String frame = HEADER + "é".repeat(700);
        assertTrue(frame.length() < 1024 && frame.getBytes(StandardCharsets.UTF_8).length > 1024);

        client.send(frame);

        assertClosedWith1009ThenLeftAndDisconnectedOnce();
    }

    @Test
    void fragmentedTextMessageOver1024BytesClosesWith1009() throws Exception {
        start(Config.defaults());
        String frame = eventFrameOf(2000);

        client.sendFragments(frame.substring(0, 1000), frame.substring(1000));

        assertClosedWith1009ThenLeftAndDisconnectedOnce();
    }

    @Test
    void fragmentedTextMessageLimitCountsUtf8BytesNotCharacters() throws Exception {
        start(Config.defaults());
        String frame = HEADER + "é".repeat(700);

        client.sendFragments(frame.substring(0, 400), frame.substring(400));

        assertClosedWith1009ThenLeftAndDisconnectedOnce();
    }

    @Test
    void fragmentedTextMessageOfExactly1024BytesIsAccepted() throws Exception {
        start(Config.defaults());
        String frame = eventFrameOf(1024);

        client.sendFragments(frame.substring(0, 500), frame.substring(500));

        assertEquals(PREFIX + "length;1;" + (1024 - HEADER.length()), client.next());
        assertTrue(client.closeReason().isEmpty(), "closed: " + client.closeReason());
    }

    @Test
    void binaryFrameOver1024BytesClosesWith1009() throws Exception {
        start(Config.defaults());

        client.sendBinary(eventFrameOf(2000).getBytes(StandardCharsets.UTF_8));

        assertClosedWith1009ThenLeftAndDisconnectedOnce();
    }

    @Test
    void nativeFrameOver1024BytesClosesWith1009() throws Exception {
        start(Config.defaults());

        client.send("n".repeat(2000));

        assertClosedWith1009ThenLeftAndDisconnectedOnce();
    }

    @Test
    void frameOfExactly1024BytesIsAccepted() throws Exception {
        start(Config.defaults());
        String frame = eventFrameOf(1024);

        client.send(frame);

        assertEquals(PREFIX + "length;1;" + (1024 - HEADER.length()), client.next());
        assertTrue(connection.isOpen());
        assertTrue(client.closeReason().isEmpty(), "closed: " + client.closeReason());
    }

    @Test
    void binaryFrameOfExactly1024BytesIsAccepted() throws Exception {
        start(Config.defaults());

        client.sendBinary(eventFrameOf(1024).getBytes(StandardCharsets.UTF_8));

        assertEquals(PREFIX + "length;1;" + (1024 - HEADER.length()), client.next());
        assertTrue(client.closeReason().isEmpty(), "closed: " + client.closeReason());
    }

    @Test
    void configuredLimitOf4096Accepts2000Bytes() throws Exception {
        start(Config.builder().maxMessageSize(4096).build());

        client.send(eventFrameOf(2000));
        client.send("n".repeat(4096));

        assertEquals(PREFIX + "length;1;" + (2000 - HEADER.length()), client.next());
        assertEquals(PREFIX + "native-length;1;4096", client.next());
        assertTrue(client.closeReason().isEmpty(), "closed: " + client.closeReason());
    }

    @Test
    void configuredLimitOf4096StillRejectsALargerFrame() throws Exception {
        start(Config.builder().maxMessageSize(4096).build());

        client.send(eventFrameOf(4097));

        assertClosedWith1009ThenLeftAndDisconnectedOnce();
    }
}
