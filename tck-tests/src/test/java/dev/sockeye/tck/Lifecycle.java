package dev.sockeye.tck;

import dev.sockeye.Connection;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Records what the server side of each connection hears: its leave and disconnect events in the
 * order they fire, its errors, pings and pongs. Call {@link #watch} from the endpoint's connection
 * listener, after joining rooms.
 */
final class Lifecycle {

    /** What one connection heard. */
    static final class Log {
        /** "leave:&lt;room&gt;" and "disconnect", in firing order. */
        final List<String> events = new CopyOnWriteArrayList<>();
        final List<Throwable> errors = new CopyOnWriteArrayList<>();
        final AtomicInteger pings = new AtomicInteger();
        final AtomicInteger pongs = new AtomicInteger();
        /** {@link System#nanoTime()} when the first disconnect listener ran; 0 before. */
        volatile long disconnectedNanos;

        boolean disconnected() {
            return events.contains("disconnect");
        }
    }

    private final BlockingQueue<Connection> opened = new LinkedBlockingQueue<>();
    private final Map<String, Log> logs = new ConcurrentHashMap<>();

    /** Registers listeners on {@code connection} that fill its {@link Log}, and queues it for {@link #nextOpened}. */
    void watch(Connection connection) {
        Log log = logs.computeIfAbsent(connection.id(), id -> new Log());
        connection.onLeave(room -> log.events.add("leave:" + room));
        connection.onDisconnect(() -> {
            if (log.disconnectedNanos == 0) {
                log.disconnectedNanos = System.nanoTime();
            }
            log.events.add("disconnect");
        });
        connection.onError(log.errors::add);
        connection.onPing(log.pings::incrementAndGet);
        connection.onPong(log.pongs::incrementAndGet);
        opened.add(connection);
    }

    /** @return the next connection the server opened, failing the test after 5 seconds */
    Connection nextOpened() throws InterruptedException {
        Connection connection = opened.poll(5, TimeUnit.SECONDS);
        assertNotNull(connection, "the server opened no connection within 5 s");
        return connection;
    }

    Log of(Connection connection) {
        return logs.get(connection.id());
    }

    /**
     * Waits for the disconnect listener, then checks, after a quiet period in which a duplicate
     * would show, that the connection left each of {@code rooms} once and then disconnected once.
     */
    void assertLeftEveryRoomThenDisconnectedOnce(Connection connection, Set<String> rooms) throws InterruptedException {
        Log log = of(connection);
        Await.until("the disconnect listener of " + connection.id(), log::disconnected, () -> log.events);
        Thread.sleep(300);
        List<String> events = List.copyOf(log.events);
        assertEquals(rooms.size() + 1, events.size(), "one leave per room, then one disconnect: " + events);
        assertEquals(rooms.stream().map(room -> "leave:" + room).collect(java.util.stream.Collectors.toSet()),
                Set.copyOf(events.subList(0, rooms.size())), "the leaves come first: " + events);
        assertEquals("disconnect", events.get(rooms.size()), events.toString());
    }

    static Duration since(long startNanos, long endNanos) {
        return Duration.ofNanos(endNanos - startNanos);
    }
}
