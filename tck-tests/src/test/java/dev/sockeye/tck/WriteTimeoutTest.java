package dev.sockeye.tck;

import dev.sockeye.Config;
import dev.sockeye.Connection;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code writeTimeout} (Iris's {@code WriteTimeout}): when a client stops reading, its TCP window
 * and the server's send buffer fill, and the next write cannot complete. That write must fail once
 * it has taken {@code writeTimeout}; the connection's error listeners hear the failure, and the
 * connection leaves its rooms, disconnects once and is closed. The outbound queue limit is set far
 * out of reach (256 MiB) so that only the write timeout can end the connection. Raw socket
 * ({@link RawWebSocket}): the client must stop reading, which no WebSocket client API offers.
 */
class WriteTimeoutTest {

    private static final Duration WRITE_TIMEOUT = Duration.ofMillis(300);
    /**
     * Allowed lateness of the failure past {@code writeTimeout}: a timer that fires the timeout,
     * the hand-off to the error listeners and the close, on a loaded two-core CI machine (GC
     * pauses, other threads). 700 ms keeps the bound at 1 s: a write that is never timed out, or
     * only by some other, longer limit, fails the test.
     */
    private static final Duration SLACK = Duration.ofMillis(700);
    /** How long to wait for a stalled write's outcome before declaring that it never fails. */
    private static final Duration GIVE_UP = Duration.ofSeconds(5);
    private static final String CHUNK = "x".repeat(64 * 1024);

    private final Lifecycle lifecycle = new Lifecycle();
    private Servers.Running server;
    private RawWebSocket client;

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void writeToAClientThatStoppedReadingFailsAfterWriteTimeoutAndClosesTheConnection() throws Exception {
        Config config = Config.builder().writeTimeout(WRITE_TIMEOUT).maxQueuedBytes(256L * 1024 * 1024).build();
        server = Servers.start(config, connection -> {
            connection.join("r1");
            lifecycle.watch(connection);
        });
        // A small fixed receive buffer: the window stays small, so the stall comes after little data.
        client = RawWebSocket.upgrade(server.uri(), Map.of(), 16 * 1024);
        assertEquals(101, client.status());
        Connection connection = lifecycle.nextOpened();
        Lifecycle.Log log = lifecycle.of(connection);

        // Emit 64 KiB events one after another, each after the previous one was written, so the
        // queue is empty and each emit starts its write at once. The first write that does not
        // complete normally is the one the full buffers stalled; it began when it was emitted.
        long written = 0;
        long stalledAt;
        CompletableFuture<Void> stalled;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            assertTrue(System.nanoTime() < deadline, "no write stalled after " + written + " bytes in 20 s");
            long emittedAt = System.nanoTime();
            CompletableFuture<Void> stage = connection.emit("fill", CHUNK).toCompletableFuture();
            try {
                stage.get(WRITE_TIMEOUT.plus(SLACK).toMillis(), TimeUnit.MILLISECONDS);
                written += CHUNK.length();
            } catch (ExecutionException | TimeoutException e) {
                stalledAt = emittedAt;
                stalled = stage;
                break;
            }
        }

        Throwable failure;
        try {
            stalled.get(Math.max(0, stalledAt + GIVE_UP.toNanos() - System.nanoTime()), TimeUnit.NANOSECONDS);
            fail("the stalled write completed normally, yet the client never read");
            return;
        } catch (TimeoutException e) {
            fail("a write stalled after " + written + " bytes had been written; " + GIVE_UP.toSeconds()
                    + " s later (writeTimeout " + WRITE_TIMEOUT.toMillis() + " ms) it has neither completed nor failed;"
                    + " error listeners heard " + log.errors + "; connection open: " + connection.isOpen()
                    + "; lifecycle events: " + log.events);
            return;
        } catch (ExecutionException e) {
            failure = e.getCause();
        }
        long failedAt = System.nanoTime();
        Duration failedAfter = Lifecycle.since(stalledAt, failedAt);
        assertTrue(failedAfter.compareTo(WRITE_TIMEOUT) >= 0,
                "the write failed after " + failedAfter.toMillis() + " ms, before writeTimeout: " + failure);
        assertTrue(failedAfter.compareTo(WRITE_TIMEOUT.plus(SLACK)) < 0,
                "the write failed after " + failedAfter.toMillis() + " ms: " + failure);
        Await.until("the error listeners hear the failure", () -> !log.errors.isEmpty());
        assertSame(failure, log.errors.get(0), "error listeners heard " + log.errors);
        lifecycle.assertLeftEveryRoomThenDisconnectedOnce(connection, Set.of("r1", connection.id()));
        Duration disconnectedAfter = Lifecycle.since(stalledAt, log.disconnectedNanos);
        assertTrue(disconnectedAfter.compareTo(WRITE_TIMEOUT.plus(SLACK)) < 0,
                "disconnected " + disconnectedAfter.toMillis() + " ms after the write began");
        assertFalse(connection.isOpen());
        assertEquals(0, server.endpoint().registry().count());
        // The TCP connection is ended too, not left to the dead peer: once the client reads again it
        // reaches the end of the stream.
        client.readFrames(true);
        client.ended().get(5, TimeUnit.SECONDS);
    }
}
