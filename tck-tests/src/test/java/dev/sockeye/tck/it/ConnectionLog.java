package dev.sockeye.tck.it;

import dev.sockeye.Connection;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server side of the configuration ITs, deployed in their WARs: what each connection heard, by
 * connection ID, for an {@link Observer} to ask through the test endpoint. The state is static,
 * hence one per deployment (each WAR has its own class loader, see {@link Wars}).
 */
public final class ConnectionLog {

    private static final Map<String, List<String>> EVENTS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> PINGS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> PONGS = new ConcurrentHashMap<>();

    private ConnectionLog() {
    }

    /** @return whether the connection is a test's observer (query parameter {@code observer}), which is not watched */
    public static boolean isObserver(Connection connection) {
        return connection.handshake().queryParameter("observer").isPresent();
    }

    /**
     * Records the connection's errors ({@code error:<simple class name>}), leaves ({@code leave:<room>},
     * {@code leave:own} for its own room) and disconnect, in firing order, and counts its pings and
     * pongs. Call after joining rooms.
     */
    public static void watch(Connection connection) {
        List<String> events = new CopyOnWriteArrayList<>();
        AtomicInteger pings = new AtomicInteger();
        AtomicInteger pongs = new AtomicInteger();
        EVENTS.put(connection.id(), events);
        PINGS.put(connection.id(), pings);
        PONGS.put(connection.id(), pongs);
        connection.onError(failure -> events.add("error:" + failure.getClass().getSimpleName()));
        connection.onLeave(room -> events.add("leave:" + (room.equals(connection.id()) ? "own" : room)));
        connection.onDisconnect(() -> events.add("disconnect"));
        connection.onPing(pings::incrementAndGet);
        connection.onPong(pongs::incrementAndGet);
    }

    /** @return the events of connection {@code id}, comma-separated; empty if none or unknown */
    public static String events(String id) {
        return String.join(",", EVENTS.getOrDefault(id, List.of()));
    }

    /** @return {@code "<pings sent> <pongs received>"} of connection {@code id} */
    public static String beats(String id) {
        return PINGS.getOrDefault(id, new AtomicInteger()).get() + " " + PONGS.getOrDefault(id, new AtomicInteger()).get();
    }
}
