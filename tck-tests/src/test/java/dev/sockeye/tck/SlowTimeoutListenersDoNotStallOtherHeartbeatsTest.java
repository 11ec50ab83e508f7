package dev.sockeye.tck;

import dev.sockeye.Config;
import dev.sockeye.Connection;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One shared timer pings every connection and checks their timeouts; what a timeout sets off runs
 * elsewhere. A connection closed for a missing pong whose disconnect listener blocks for 3 s does
 * not hold up the pings of the other connections: a Tyrus client that answers every ping is pinged
 * all along and stays open. (Were the listener run on the timer, the other client would get no
 * ping for 3 s and then be closed itself, for pongs it was never asked for.) And when the timer
 * itself is held up (here by an {@code onPing} handler that blocks once for 1 s, longer than the
 * pong timeout), the pings go out late and the clients that answer them are not closed: a pong is
 * only overdue once its ping has been out for {@code pongTimeout - pingPeriod}. Raw frames
 * ({@link RawWebSocket}) for the client that must not answer pings.
 */
class SlowTimeoutListenersDoNotStallOtherHeartbeatsTest {

    private static final Duration PING_PERIOD = Duration.ofMillis(200);
    private static final Duration PONG_TIMEOUT = Duration.ofMillis(600);
    private static final Duration BLOCK = Duration.ofSeconds(3);

    private final Lifecycle lifecycle = new Lifecycle();
    private final AtomicLong blockedFrom = new AtomicLong();
    private final AtomicLong blockedUntil = new AtomicLong();
    private final CountDownLatch unblocked = new CountDownLatch(1);
    private final ConcurrentLinkedQueue<Long> pingsOfTheOther = new ConcurrentLinkedQueue<>();
    private Servers.Running server;
    private RawWebSocket silent;
    private TestClient answering;

    @AfterEach
    void stop() throws Exception {
        if (answering != null) {
            answering.close();
        }
        if (silent != null) {
            silent.close();
        }
        server.close();
    }

    @Test
    void aDisconnectListenerThatBlocksDoesNotDelayThePingsOfOtherConnections() throws Exception {
        Config config = Config.builder().pingPeriod(PING_PERIOD).pongTimeout(PONG_TIMEOUT).build();
        server = Servers.start(config, connection -> {
            lifecycle.watch(connection);
            if (connection.handshake().queryParameter("silent").isPresent()) {
                connection.onDisconnect(() -> {
                    blockedFrom.set(System.nanoTime());
                    try {
                        Thread.sleep(BLOCK.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    blockedUntil.set(System.nanoTime());
                    unblocked.countDown();
                });
            } else {
                connection.onPing(() -> pingsOfTheOther.add(System.nanoTime()));
            }
        });
        answering = TestClient.connect(server.uri());
        Connection other = lifecycle.nextOpened();
        silent = RawWebSocket.upgrade(java.net.URI.create(server.uri() + "?silent=1"), Map.of());
        silent.readFrames(false);

        assertEquals(1001, silent.closeFrame().get(10, TimeUnit.SECONDS).closeCode(), "the silent client times out");
        assertTrue(unblocked.await(BLOCK.toSeconds() + 10, TimeUnit.SECONDS), "its disconnect listener returned");

        long from = blockedFrom.get();
        long until = blockedUntil.get();
        List<Long> during = pingsOfTheOther.stream().filter(t -> t >= from && t <= until).toList();
        // 3 s at one ping per 200 to 250 ms is 12 to 15 pings; 5 leaves room for a loaded machine
        assertTrue(during.size() >= 5, "pings of the other connection while the listener blocked: " + during.size());
        assertTrue(answering.closeReason().isEmpty(), "the answering client was closed: " + answering.closeReason());
        assertTrue(other.isOpen());
        assertTrue(lifecycle.of(other).events.isEmpty(), "events of the open connection: " + lifecycle.of(other).events);
    }

    @Test
    void aTimerHeldUpLongerThanThePongTimeoutClosesNoConnectionThatAnswersItsPings() throws Exception {
        Config config = Config.builder().pingPeriod(PING_PERIOD).pongTimeout(PONG_TIMEOUT).build();
        java.util.concurrent.atomic.AtomicBoolean stalled = new java.util.concurrent.atomic.AtomicBoolean();
        CountDownLatch stallOver = new CountDownLatch(1);
        server = Servers.start(config, connection -> {
            lifecycle.watch(connection);
            if (connection.handshake().queryParameter("staller").isPresent()) {
                connection.onPing(() -> {
                    if (stalled.compareAndSet(false, true)) {
                        try {
                            Thread.sleep(1_000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        stallOver.countDown();
                    }
                });
            }
        });
        answering = TestClient.connect(server.uri());
        Connection other = lifecycle.nextOpened();
        TestClient staller = TestClient.connect(java.net.URI.create(server.uri() + "?staller=1"));
        try {
            Connection stalling = lifecycle.nextOpened();
            assertTrue(stallOver.await(10, TimeUnit.SECONDS), "the timer was held up");
            Thread.sleep(PONG_TIMEOUT.multipliedBy(2).toMillis());

            assertTrue(answering.closeReason().isEmpty(), "closed: " + answering.closeReason());
            assertTrue(staller.closeReason().isEmpty(), "closed: " + staller.closeReason());
            assertTrue(other.isOpen() && stalling.isOpen());
            assertTrue(lifecycle.of(other).events.isEmpty(), "events: " + lifecycle.of(other).events);
        } finally {
            staller.close();
        }
    }
}
