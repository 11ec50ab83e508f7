package dev.sockeye.tck.it;

import dev.sockeye.tck.EventClient;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A test's view into a deployment: a {@link dev.sockeye.client.SockeyeClient} connected with the
 * query parameter {@code observer} to an endpoint whose events answer from {@link ConnectionLog}
 * (by convention {@code log} for the events of the connection ID sent, and the test's own ones).
 */
final class Observer implements AutoCloseable {

    /** The frame wait of the suite: the system property {@code sockeye.test.frameWaitSeconds}, 5 s by default. */
    static final Duration WAIT = Duration.ofSeconds(Long.getLong("sockeye.test.frameWaitSeconds", 5));
    /** How long a finished log must stay unchanged for a duplicate event to show. */
    private static final Duration QUIET = Duration.ofMillis(300);

    private final EventClient client;

    private Observer(EventClient client) {
        this.client = client;
    }

    /** Connects to {@code endpoint} (a URI without query) as observer, recording the String answers to {@code events}. */
    static Observer connect(URI endpoint, String... events) throws Exception {
        EventClient client = EventClient.to(URI.create(endpoint + "?observer=1")).record("log", String.class);
        for (String event : events) {
            client.record(event, String.class);
        }
        return new Observer(client.connect());
    }

    /** Emits {@code event} with {@code payload} and returns the endpoint's answer. */
    String ask(String event, String payload) throws Exception {
        client.emit(event, payload);
        return client.next(event, String.class);
    }

    /** Asks {@code event} every 50 ms until the answer satisfies {@code done}, for up to {@link #WAIT}. */
    String await(String event, String payload, Predicate<String> done) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String answer = ask(event, payload);
        while (!done.test(answer) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            answer = ask(event, payload);
        }
        return answer;
    }

    /**
     * Waits for connection {@code id}'s disconnect, lets duplicates show, and checks that it left
     * each of {@code rooms} once ({@code own} is its own room), in any order, and then disconnected
     * once. Errors may come at any point of the log.
     *
     * @return the errors the connection's error listeners heard, as {@code error:<simple class name>}
     */
    List<String> assertLeftEveryRoomThenDisconnectedOnce(String id, Set<String> rooms) throws Exception {
        String finished = await("log", id, log -> log.contains("disconnect"));
        assertTrue(finished.contains("disconnect"), "no disconnect within " + WAIT.toSeconds() + " s: " + finished);
        Thread.sleep(QUIET.toMillis());
        List<String> log = List.of(ask("log", id).split(","));
        List<String> errors = log.stream().filter(event -> event.startsWith("error:")).toList();
        List<String> lifecycle = log.stream().filter(event -> !event.startsWith("error:")).toList();
        assertEquals(rooms.size() + 1, lifecycle.size(), "one leave per room, then one disconnect: " + log);
        Set<String> expected = new HashSet<>();
        rooms.forEach(room -> expected.add("leave:" + room));
        assertEquals(expected, Set.copyOf(lifecycle.subList(0, rooms.size())), log.toString());
        assertEquals("disconnect", lifecycle.get(rooms.size()), log.toString());
        return errors;
    }

    @Override
    public void close() {
        client.close();
    }
}
