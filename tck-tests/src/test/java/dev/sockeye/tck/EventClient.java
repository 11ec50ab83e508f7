package dev.sockeye.tck;

import dev.sockeye.PayloadType;
import dev.sockeye.client.ClientOptions;
import dev.sockeye.client.ClientState;
import dev.sockeye.client.SockeyeClient;

import jakarta.websocket.CloseReason;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A {@link SockeyeClient} that records the events it listens to, in arrival order, and how its
 * connection closed: the tests of what a user sees (events, typed payloads, rooms, targets, the
 * registry, the disconnect lifecycle) connect with it, as an application would. Tests that must
 * control or assert the exact frames on the wire use {@link TestClient}.
 * <pre>{@code
 * try (EventClient a = EventClient.to(uri).record("chat", String.class).connect()) {
 *     a.emit("chat", "hi");
 *     assertEquals("hi", a.next("chat", String.class));
 * }
 * }</pre>
 * Each wait for an event lasts up to {@link TestClient#WAIT_SECONDS} seconds (the system property
 * {@code sockeye.test.frameWaitSeconds}, which the container suites raise to 30).
 */
public final class EventClient implements AutoCloseable {

    /**
     * One received event: its name and its payload, decoded into the type it was recorded with; a
     * native message (see {@link #recordMessages()}) has the name {@code null} and its UTF-8 text.
     */
    public record Event(String name, Object payload) {
    }

    private static final long WAIT_SECONDS = TestClient.WAIT_SECONDS;

    private final SockeyeClient client;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();

    private EventClient(URI uri, ClientOptions options) {
        this.client = SockeyeClient.create(uri, options);
        client.onDisconnect(closed::complete);
        client.onError(errors::add);
    }

    /** @return an unconnected client with the default options: record events, then {@link #connect()} */
    public static EventClient to(URI uri) {
        return to(uri, options -> { });
    }

    /**
     * @param options changes to the test defaults (the defaults of {@link ClientOptions}, with a
     *                connect timeout of at least the frame wait)
     */
    public static EventClient to(URI uri, Consumer<ClientOptions.Builder> options) {
        ClientOptions.Builder builder = ClientOptions.builder()
                .connectTimeout(Duration.ofSeconds(Math.max(10, WAIT_SECONDS)));
        options.accept(builder);
        return new EventClient(uri, builder.build());
    }

    /** Records every {@code event}, its payload decoded into {@code type}; call before {@link #connect()}. */
    public EventClient record(String event, Class<?> type) {
        client.on(event, type, payload -> events.add(new Event(event, payload)));
        return this;
    }

    /** Records every {@code event}, its payload decoded into a generic type. */
    public EventClient record(String event, PayloadType<?> type) {
        client.on(event, type, payload -> events.add(new Event(event, payload)));
        return this;
    }

    /** Records every native message (a frame outside the event protocol) as its UTF-8 text. */
    public EventClient recordMessages() {
        client.onMessage(bytes -> events.add(new Event(null, new String(bytes, StandardCharsets.UTF_8))));
        return this;
    }

    /**
     * Connects and waits for the connection to open.
     *
     * @return this client
     * @throws ExecutionException with the connection attempt's failure as its cause
     */
    public EventClient connect() throws Exception {
        client.connect().toCompletableFuture().get(Math.max(10, WAIT_SECONDS) + 5, TimeUnit.SECONDS);
        return this;
    }

    /** Emits an event and waits until its frame is written, so that a failed send fails the test. */
    public void emit(String event, Object value) throws Exception {
        client.emit(event, value).toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** @return the next recorded event, failing the test if none arrives within the frame wait */
    public Event next() throws InterruptedException {
        Event event = events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (event == null) {
            throw new AssertionError("no event received within " + WAIT_SECONDS + " s; errors: " + errors);
        }
        return event;
    }

    /** @return the payload of the next recorded event, failing the test unless it is {@code event} */
    public <T> T next(String event, Class<T> type) throws InterruptedException {
        Event next = next();
        assertEquals(event, next.name(), "the next event: " + next);
        return type.cast(next.payload());
    }

    /** @return the text of the next recorded event, failing the test unless it is a native message */
    public String nextMessage() throws InterruptedException {
        Event next = next();
        assertNull(next.name(), "the next event should be a native message: " + next);
        return (String) next.payload();
    }

    /** @return the next recorded event if one arrives within {@code wait}, else {@code null} */
    public Event poll(Duration wait) throws InterruptedException {
        return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** @return how the connection closed, waiting at least 10 s (or the frame wait) for it */
    public CloseReason awaitClose() throws Exception {
        return closed.get(Math.max(10, WAIT_SECONDS), TimeUnit.SECONDS);
    }

    /** @return the problems the client reported (decode failures, malformed frames...) so far */
    public List<Throwable> errors() {
        return List.copyOf(errors);
    }

    /** Fails the test if the client reported any problem. */
    public void assertNoErrors() {
        assertEquals(List.of(), errors(), "the client's errors");
    }

    /** @return whether the connection is open */
    public boolean isOpen() {
        return client.state() == ClientState.OPEN;
    }

    /** @return the underlying client */
    public SockeyeClient client() {
        return client;
    }

    /** Disconnects (code 1000) and waits for the connection to close. */
    @Override
    public void close() {
        client.close();
    }
}
