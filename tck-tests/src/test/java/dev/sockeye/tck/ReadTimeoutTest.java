package dev.sockeye.tck;

import dev.sockeye.Config;
import dev.sockeye.Connection;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code readTimeout} (Iris's {@code ReadTimeout}): a connection with no incoming frame, data or
 * pong, for that long is closed with 1001 after leaving its rooms and disconnecting, each once; a
 * client that keeps sending events, or only pongs, stays connected. Pings are off so that only the
 * read timeout can end a connection. Raw frames ({@link TestClient}, {@link RawWebSocket}): the
 * client sends nothing, or only pongs, at frame level.
 */
class ReadTimeoutTest {

    private static final Duration READ_TIMEOUT = Duration.ofMillis(500);
    /**
     * The latest acceptable close, counted from the end of the upgrade: the timeout (500 ms), plus
     * the check interval (a quarter of it, 125 ms), plus 375 ms for a busy shared timer thread or a
     * GC pause. A server that waited for a second timeout (1 s) or never closed fails.
     */
    private static final Duration LATEST_CLOSE = Duration.ofSeconds(1);
    private static final Duration ACTIVE_WINDOW = Duration.ofSeconds(2);
    private static final Duration SEND_EVERY = Duration.ofMillis(200);

    private final Lifecycle lifecycle = new Lifecycle();
    private final AtomicInteger ticks = new AtomicInteger();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private Servers.Running server;

    private void start() throws Exception {
        Config config = Config.builder().readTimeout(READ_TIMEOUT).pingPeriod(Duration.ZERO).build();
        server = Servers.start(config, connection -> {
            connection.join("r1");
            connection.on("tick", ticks::incrementAndGet);
            lifecycle.watch(connection);
        });
    }

    private <T extends AutoCloseable> T closeLater(T resource) {
        resources.add(resource);
        return resource;
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void idleClientIsClosedWith1001AfterTheReadTimeoutAndDisconnectsOnce() throws Exception {
        start();
        long requested = System.nanoTime();
        RawWebSocket client = closeLater(RawWebSocket.upgrade(server.uri(), Map.of()));
        long upgraded = System.nanoTime();
        assertEquals(101, client.status());
        client.readFrames(true);
        Connection connection = lifecycle.nextOpened();

        RawWebSocket.Frame close = client.closeFrame().get(5, TimeUnit.SECONDS);

        assertEquals(1001, close.closeCode(), "close code");
        // The server's read clock starts after the request was sent and before the upgrade ended.
        Duration sinceRequest = Lifecycle.since(requested, close.arrivalNanos());
        Duration sinceUpgrade = Lifecycle.since(upgraded, close.arrivalNanos());
        assertTrue(sinceRequest.compareTo(READ_TIMEOUT) >= 0, "closed too early, after " + sinceRequest.toMillis() + " ms");
        assertTrue(sinceUpgrade.compareTo(LATEST_CLOSE) < 0, "closed after " + sinceUpgrade.toMillis() + " ms");
        lifecycle.assertLeftEveryRoomThenDisconnectedOnce(connection, Set.of("r1", connection.id()));
        assertEquals(0, server.endpoint().registry().count());
        assertTrue(server.endpoint().registry().rooms().isEmpty(), "rooms: " + server.endpoint().registry().rooms());
        client.ended().get(5, TimeUnit.SECONDS);
    }

    @Test
    void clientSendingAnEventEvery200MillisecondsStaysOpen() throws Exception {
        start();
        TestClient client = closeLater(TestClient.connect(server.uri()));
        Connection connection = lifecycle.nextOpened();

        int sends = FixedRate.send(SEND_EVERY, ACTIVE_WINDOW, () -> client.emit("tick", 0, ""));

        Await.until("every tick handled", () -> ticks.get() == sends, ticks::get);
        assertTrue(client.closeReason().isEmpty(), "closed: " + client.closeReason());
        assertTrue(connection.isOpen());
        assertTrue(lifecycle.of(connection).events.isEmpty(), "events: " + lifecycle.of(connection).events);
    }

    @Test
    void unsolicitedPongsEvery200MillisecondsKeepTheConnectionOpen() throws Exception {
        start();
        RawWebSocket client = closeLater(RawWebSocket.upgrade(server.uri(), Map.of()));
        client.readFrames(true);
        Connection connection = lifecycle.nextOpened();

        int sends = FixedRate.send(SEND_EVERY, ACTIVE_WINDOW, () -> client.sendPong(new byte[0]));

        Await.until("every pong heard", () -> lifecycle.of(connection).pongs.get() == sends,
                () -> lifecycle.of(connection).pongs.get());
        assertFalse(client.closeFrame().isDone(), "closed: " + client.closeFrame().getNow(null));
        assertTrue(connection.isOpen());
        assertEquals(0, ticks.get());
    }
}
