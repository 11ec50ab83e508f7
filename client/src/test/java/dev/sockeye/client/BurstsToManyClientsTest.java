package dev.sockeye.client;

import dev.sockeye.Config;
import dev.sockeye.Connection;
import dev.sockeye.embedded.EmbeddedServer;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Frames that reach many clients of the default container at once are read by its fixed pool of
 * {@link ClientThreads#WORKERS} threads, and the server's pings keep being answered meanwhile.
 * Tyrus's default pool for its shared transport started a thread, on the selector thread, whenever
 * a frame arrived and no worker was idle: a burst to many connections left hundreds of threads
 * behind here, and with 17,000 clients per JVM under load the selectors spent so long starting
 * threads that the server closed every connection for a late pong.
 */
class BurstsToManyClientsTest {

    private static final int CLIENTS = 300;
    private static final int BURSTS = 5;
    /** What each frame costs its listener: a little work, as real listeners do. */
    private static final long LISTENER_MILLIS = 2;
    /** Threads that the server, the JDK or the test may start meanwhile. */
    private static final int OTHER_THREADS = 40;

    @Test
    void aBurstToManyClientsStartsNoThreadPerFrameAndPingsAreStillAnswered() throws Exception {
        Config config = Config.builder().pingPeriod(Duration.ofMillis(500)).pongTimeout(Duration.ofSeconds(15)).build();
        List<Connection> connections = new ArrayList<>();
        Map<String, LongAdder> pongs = new ConcurrentHashMap<>();
        AtomicInteger disconnects = new AtomicInteger();
        List<SockeyeClient> clients = new ArrayList<>();
        CountDownLatch received = new CountDownLatch(CLIENTS * BURSTS);
        try (EmbeddedServer server = Servers.start(0, config, connection -> {
            LongAdder count = new LongAdder();
            pongs.put(connection.id(), count);
            connection.onPong(count::increment);
            connection.onDisconnect(disconnects::incrementAndGet);
            synchronized (connections) {
                connections.add(connection);
            }
        })) {
            List<CompletableFuture<SockeyeClient>> connecting = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                SockeyeClient client = SockeyeClient.create(Servers.uri(server), ClientOptions.defaults());
                client.on("burst", String.class, text -> {
                    sleep(LISTENER_MILLIS);
                    received.countDown();
                });
                clients.add(client);
                connecting.add(client.connect().toCompletableFuture());
            }
            CompletableFuture.allOf(connecting.toArray(CompletableFuture[]::new)).get(Await.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Await.until("the server holds every connection", () -> {
                synchronized (connections) {
                    return connections.size() == CLIENTS;
                }
            });

            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            int before = threads.getThreadCount();
            threads.resetPeakThreadCount();
            for (int burst = 0; burst < BURSTS; burst++) {
                synchronized (connections) {
                    connections.forEach(connection -> connection.emit("burst", "frame"));
                }
            }
            assertTrue(received.await(Await.TIMEOUT.toSeconds(), TimeUnit.SECONDS),
                    received.getCount() + " of " + CLIENTS * BURSTS + " frames did not arrive");
            int started = threads.getPeakThreadCount() - before;
            assertTrue(started <= ClientThreads.WORKERS + OTHER_THREADS, started + " more threads during the burst; the "
                    + "default container's pool has " + ClientThreads.WORKERS + " workers");

            Map<String, Long> pongsAfterBurst = new ConcurrentHashMap<>();
            pongs.forEach((id, count) -> pongsAfterBurst.put(id, count.sum()));
            Await.until("every connection answers a ping after the burst", () -> pongs.entrySet().stream()
                    .allMatch(entry -> entry.getValue().sum() > pongsAfterBurst.get(entry.getKey())));
            assertEquals(0, disconnects.get(), "no connection was closed (a late pong would close it)");
            clients.forEach(SockeyeClient::close);
        } finally {
            clients.forEach(SockeyeClient::close);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
