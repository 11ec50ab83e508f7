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

import static dev.sockeye.tck.TestClient.PREFIX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code pingPeriod} / {@code pongTimeout} (Iris's {@code PingPeriod} / {@code PongTimeout}, which
 * Iris never enforced): the server pings every period, and a connection that sent no pong for
 * {@code pongTimeout} is closed with 1001 after leaving its rooms and disconnecting, each once. A
 * client that answers keeps its connection; {@code onPing} and {@code onPong} hear every ping sent
 * and every pong received; a zero period sends no ping and checks no pong. Raw frames
 * ({@link TestClient}, {@link RawWebSocket}): the client must be able to not answer pings, at frame level.
 */
class PongTimeoutTest {

    private static final Duration PING_PERIOD = Duration.ofMillis(200);
    private static final Duration PONG_TIMEOUT = Duration.ofMillis(600);
    /**
     * Allowed lateness past {@code pongTimeout + pingPeriod} (800 ms): the check runs every quarter
     * of the shortest interval (50 ms here) on one shared timer thread, and a loaded two-core CI
     * machine can delay a thread by a few hundred milliseconds (a GC pause, the 100 client
     * connections of other test classes). 700 ms keeps the bound at 1.5 s, still well under two
     * pong timeouts, so a server that waited for a second timeout, or never enforced it, fails.
     */
    private static final Duration SLACK = Duration.ofMillis(700);
    private static final Config CONFIG = Config.builder().pingPeriod(PING_PERIOD).pongTimeout(PONG_TIMEOUT).build();

    private final Lifecycle lifecycle = new Lifecycle();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private Servers.Running server;

    private void start(Config config) throws Exception {
        server = Servers.start(config, connection -> {
            connection.join("r1");
            connection.join("r2");
            connection.on("echo", String.class, text -> connection.emit("echo", text));
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
    void clientThatNeverAnswersPingsIsClosedWith1001WithinPongTimeoutPlusOnePeriod() throws Exception {
        start(CONFIG);
        long requested = System.nanoTime();
        RawWebSocket client = closeLater(RawWebSocket.upgrade(server.uri(), Map.of()));
        long upgraded = System.nanoTime();
        assertEquals(101, client.status());
        client.readFrames(false);
        Connection connection = lifecycle.nextOpened();

        RawWebSocket.Frame close = client.closeFrame().get(5, TimeUnit.SECONDS);

        assertEquals(1001, close.closeCode(), "close code");
        // The server's pong clock starts after the upgrade request was sent, so the close cannot
        // arrive sooner than pongTimeout after it; the upper bound counts from the end of the
        // upgrade, so that a slow handshake does not eat the slack.
        Duration sinceRequest = Lifecycle.since(requested, close.arrivalNanos());
        Duration sinceUpgrade = Lifecycle.since(upgraded, close.arrivalNanos());
        assertTrue(sinceRequest.compareTo(PONG_TIMEOUT) >= 0, "closed too early, after " + sinceRequest.toMillis() + " ms");
        assertTrue(sinceUpgrade.compareTo(PONG_TIMEOUT.plus(PING_PERIOD).plus(SLACK)) < 0,
                "closed " + sinceUpgrade.toMillis() + " ms after the upgrade");
        lifecycle.assertLeftEveryRoomThenDisconnectedOnce(connection, Set.of("r1", "r2", connection.id()));
        Lifecycle.Log log = lifecycle.of(connection);
        assertTrue(client.pingsReceived() >= 2, "pings before the timeout: " + client.pingsReceived());
        assertEquals(client.pingsReceived(), log.pings.get(), "onPing once per ping the client received");
        assertEquals(0, log.pongs.get());
        assertFalse(server.endpoint().registry().isConnected(connection.id()));
        client.ended().get(5, TimeUnit.SECONDS);
    }

    @Test
    void tyrusClientThatAnswersPingsStaysConnectedForThreePongTimeouts() throws Exception {
        start(CONFIG);
        TestClient client = closeLater(TestClient.connect(server.uri()));
        Connection connection = lifecycle.nextOpened();
        Lifecycle.Log log = lifecycle.of(connection);

        Thread.sleep(PONG_TIMEOUT.multipliedBy(3).toMillis());

        assertTrue(client.closeReason().isEmpty(), "closed: " + client.closeReason());
        assertTrue(connection.isOpen());
        assertTrue(server.endpoint().registry().isConnected(connection.id()));
        assertTrue(log.events.isEmpty(), "lifecycle events of an open connection: " + log.events);
        // 1.8 s at one ping per 200 to 250 ms is 7 or 8 pings; 4 leaves room for a slow timer thread.
        int pings = log.pings.get();
        assertTrue(pings >= 4, "pings in " + PONG_TIMEOUT.multipliedBy(3).toMillis() + " ms: " + pings);
        // Each pong answers a ping; only the latest may still be on its way back.
        assertTrue(log.pongs.get() >= pings - 1, "pongs " + log.pongs.get() + " for " + pings + " pings");
        client.emit("echo", 0, "still here");
        assertEquals(PREFIX + "echo;0;still here", client.next());
    }

    @Test
    void onPingHearsEveryPingSentAndOnPongEveryPongReceived() throws Exception {
        start(CONFIG);
        RawWebSocket client = closeLater(RawWebSocket.upgrade(server.uri(), Map.of()));
        client.readFrames(true);
        Connection connection = lifecycle.nextOpened();
        Lifecycle.Log log = lifecycle.of(connection);

        Thread.sleep(PONG_TIMEOUT.multipliedBy(2).toMillis());
        assertFalse(client.closeFrame().isDone(), "a client answering every ping was closed: "
                + client.closeFrame().getNow(null) + " after " + client.pongsSent() + " pongs");
        client.sendPong(new byte[] {42});

        // A new ping goes out every 200 ms: sample until both counts agree at the same moment.
        Await.until("onPing count == pings received and onPong count == pongs sent",
                () -> log.pings.get() == client.pingsReceived() && log.pongs.get() == client.pongsSent(),
                () -> "onPing " + log.pings + ", pings received " + client.pingsReceived()
                        + ", onPong " + log.pongs + ", pongs sent " + client.pongsSent());
        assertTrue(client.pingsReceived() >= 3, "pings in 1.2 s: " + client.pingsReceived());
        assertTrue(connection.isOpen(), "a client answering every ping was closed");
    }

    @Test
    void zeroPingPeriodSendsNoPingAndNeverClosesForMissingPongs() throws Exception {
        start(Config.builder().pingPeriod(Duration.ZERO).pongTimeout(PONG_TIMEOUT).build());
        RawWebSocket client = closeLater(RawWebSocket.upgrade(server.uri(), Map.of()));
        client.readFrames(false);
        Connection connection = lifecycle.nextOpened();

        RawWebSocket.Frame frame = client.nextFrame(Duration.ofSeconds(1));

        assertNull(frame, "no frame expected without pings");
        assertEquals(0, client.pingsReceived());
        assertEquals(0, lifecycle.of(connection).pings.get());
        // The reader works and the connection outlived pongTimeout: an echo comes back.
        client.sendText(PREFIX + "echo;0;alive");
        RawWebSocket.Frame echo = client.nextFrame(Duration.ofSeconds(5));
        assertEquals(PREFIX + "echo;0;alive", echo == null ? null : echo.text());
        assertTrue(connection.isOpen());
        assertEquals(0, client.pingsReceived());
    }
}
