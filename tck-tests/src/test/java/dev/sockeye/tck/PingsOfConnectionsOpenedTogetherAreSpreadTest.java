package dev.sockeye.tck;

import dev.sockeye.Config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Connections that open together do not ping together: each connection's heartbeat checks run in
 * a random phase within one check period (a quarter of the shortest of {@code pingPeriod},
 * {@code pongTimeout} and {@code readTimeout}), so the first ping of each comes between
 * {@code pingPeriod} and {@code pingPeriod} plus one check period after it opened, and no longer at
 * the same offset for all. Without that, clients that reconnect at once after a restart ping in one
 * burst for ever (the fan-out benchmark saw 10,000 pings and pongs in one burst raise broadcast
 * latency). Measured on the server with {@code onPing}; the clients are SockeyeClients.
 */
class PingsOfConnectionsOpenedTogetherAreSpreadTest {

    private static final Duration PING_PERIOD = Duration.ofSeconds(2);
    /** A quarter of the shortest interval, here the ping period. */
    private static final long CHECK_PERIOD_MS = 500;
    private static final int CONNECTIONS = 40;

    @Test
    void firstPingsAreSpreadOverOneCheckPeriodAfterThePingPeriod() throws Exception {
        Map<String, Long> opened = new ConcurrentHashMap<>();
        Map<String, Long> firstPing = new ConcurrentHashMap<>();
        Config config = Config.builder().pingPeriod(PING_PERIOD).pongTimeout(Duration.ofSeconds(8)).build();
        List<EventClient> clients = new ArrayList<>();
        try (Servers.Running server = Servers.start(config, connection -> {
            opened.put(connection.id(), System.nanoTime());
            connection.onPing(() -> firstPing.putIfAbsent(connection.id(), System.nanoTime()));
        })) {
            for (int i = 0; i < CONNECTIONS; i++) {
                clients.add(EventClient.to(server.uri()).connect());
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (firstPing.size() < CONNECTIONS && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(firstPing.size() == CONNECTIONS, "every connection was pinged: " + firstPing.size());
            long earliest = Long.MAX_VALUE;
            long latest = Long.MIN_VALUE;
            for (Map.Entry<String, Long> ping : firstPing.entrySet()) {
                long offsetMs = TimeUnit.NANOSECONDS.toMillis(ping.getValue() - opened.get(ping.getKey()));
                earliest = Math.min(earliest, offsetMs);
                latest = Math.max(latest, offsetMs);
            }
            assertTrue(earliest >= PING_PERIOD.toMillis(), "no ping before pingPeriod: earliest " + earliest + " ms");
            // 40 uniform phases over 500 ms span about 475 ms; in phase with the opening they span
            // only the timer's own lateness
            assertTrue(latest - earliest >= CHECK_PERIOD_MS / 2,
                    "first pings " + earliest + " to " + latest + " ms after opening: not spread");
        } finally {
            for (EventClient client : clients) {
                client.close();
            }
        }
    }
}
