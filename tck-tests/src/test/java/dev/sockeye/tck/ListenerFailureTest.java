package dev.sockeye.tck;

import dev.sockeye.Connection;
import dev.sockeye.ListenerException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spec §3 "handlers": an exception thrown by a listener reaches the error listeners as a
 * {@link ListenerException} carrying it, and never closes the connection or stops the other
 * listeners.
 */
class ListenerFailureTest {

    private static final Duration QUIET = Duration.ofMillis(300);

    /** Thrown by the failing listeners; each test checks it is the one that arrives as the cause. */
    static final class Boom extends RuntimeException {
        Boom(String message) {
            super(message);
        }
    }

    private Servers.Running server;
    private EventClient client;
    private final CompletableFuture<Connection> connection = new CompletableFuture<>();
    private final BlockingQueue<Throwable> errors = new LinkedBlockingQueue<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<Boom> thrown = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = Servers.start(c -> {
            c.onError(errors::add);
            c.on("explode", String.class, text -> {
                calls.add("explode:" + text);
                throw remember(new Boom("handler failed on " + text));
            });
            c.on("explode", String.class, text -> {
                calls.add("second listener:" + text);
                c.emit("second", text);
            });
            c.on("echo", String.class, text -> c.emit("echo", text));
            c.onMessage(bytes -> {
                throw remember(new Boom("native listener failed"));
            });
            c.onMessage(bytes -> c.emitMessage("native ok"));
            c.join("room");
            c.onLeave(room -> {
                throw remember(new Boom("leave listener failed on " + room));
            });
            c.onLeave(room -> calls.add("leave:" + room));
            c.onDisconnect(() -> {
                throw remember(new Boom("disconnect listener failed"));
            });
            c.onDisconnect(() -> calls.add("disconnect"));
            connection.complete(c);
        });
        client = EventClient.to(server.uri()).record("second", String.class).record("echo", String.class)
                .recordMessages().connect();
        connection.get(5, TimeUnit.SECONDS);
    }

    private Boom remember(Boom boom) {
        thrown.add(boom);
        return boom;
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private ListenerException nextListenerException() throws InterruptedException {
        Throwable error = errors.poll(5, TimeUnit.SECONDS);
        assertNotNull(error, "the error listener heard nothing");
        return assertInstanceOf(ListenerException.class, error);
    }

    @Test
    void throwingHandlerReachesErrorListenerAsListenerExceptionWithTheCause() throws Exception {
        client.emit("explode", "first");

        ListenerException error = nextListenerException();

        assertEquals(1, thrown.size());
        assertSame(thrown.get(0), error.getCause(), "the cause is exactly what the handler threw");
        assertTrue(error.getMessage().contains("explode"), "the message names the event: " + error.getMessage());
    }

    @Test
    void throwingHandlerDoesNotCloseTheConnection() throws Exception {
        client.emit("explode", "first");
        nextListenerException();
        assertEquals("first", client.next("second", String.class));

        client.emit("echo", "still here");

        assertEquals("still here", client.next("echo", String.class));
        assertTrue(client.isOpen(), "the client's connection is open");
        assertTrue(connection.get().isOpen());
    }

    @Test
    void throwingHandlerDoesNotStopTheNextListenerOfTheSameEvent() throws Exception {
        client.emit("explode", "x");

        assertEquals("x", client.next("second", String.class));
        assertEquals(List.of("explode:x", "second listener:x"), calls);
    }

    @Test
    void throwingHandlerFailsOnEveryMessageAndEachFailureIsReported() throws Exception {
        for (int i = 0; i < 5; i++) {
            client.emit("explode", "n" + i);
        }
        for (int i = 0; i < 5; i++) {
            assertEquals("n" + i, client.next("second", String.class));
            assertSame(thrown.get(i), nextListenerException().getCause());
        }
        assertNull(errors.poll(QUIET.toMillis(), TimeUnit.MILLISECONDS), "one report per failure");
    }

    @Test
    void throwingErrorListenerDoesNotCloseTheConnectionNorStopTheOtherErrorListeners() throws Exception {
        connection.get().onError(error -> {
            throw new Boom("the error listener itself failed");
        });
        connection.get().onError(error -> calls.add("third error listener: " + error.getClass().getSimpleName()));

        client.emit("explode", "x");

        assertEquals("x", client.next("second", String.class));
        assertSame(thrown.get(0), nextListenerException().getCause());
        Await.until("the third error listener", () -> calls.contains("third error listener: ListenerException"), () -> calls);
        client.emit("echo", "alive");
        assertEquals("alive", client.next("echo", String.class));
    }

    @Test
    void leaveListenerThrowingAnErrorDoesNotSkipTheOtherLeaveAndDisconnectListeners() throws Exception {
        Connection c = connection.get();
        c.onLeave(room -> {
            throw new AssertionError("a failed assertion inside a leave listener");
        });
        c.onLeave(room -> calls.add("after-error-leave:" + room));

        client.close();

        Await.until("the disconnect listener and the registry cleanup",
                () -> calls.contains("disconnect") && server.endpoint().registry().count() == 0,
                () -> "calls " + calls + ", registry still holds " + server.endpoint().registry().connections()
                        + " with rooms " + server.endpoint().registry().rooms());
        assertTrue(calls.containsAll(List.of("leave:room", "leave:" + c.id(),
                "after-error-leave:room", "after-error-leave:" + c.id())), calls.toString());
        assertTrue(server.endpoint().registry().rooms().isEmpty(), server.endpoint().registry().rooms().toString());
    }

    @Test
    void connectionListenerThatThrowsClosesThatConnectionWith1011() throws Exception {
        try (Servers.Running failing = Servers.start(c -> {
            throw new Boom("cannot accept " + c.id());
        })) {
            EventClient refused = EventClient.to(failing.uri()).connect();

            assertEquals(jakarta.websocket.CloseReason.CloseCodes.UNEXPECTED_CONDITION, refused.awaitClose().getCloseCode());
            Await.until("the registry forgets the connection", () -> failing.endpoint().registry().count() == 0);
            assertTrue(failing.endpoint().registry().rooms().isEmpty(), failing.endpoint().registry().rooms().toString());
        }
    }

    @Test
    void throwingNativeListenerDoesNotStopTheOtherNativeListener() throws Exception {
        client.client().emitMessage("plain text".getBytes(StandardCharsets.UTF_8)).toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertEquals("native ok", client.nextMessage());
        ListenerException error = nextListenerException();
        assertSame(thrown.get(0), error.getCause());
    }

    @Test
    void throwingLeaveListenerDoesNotPreventTheOtherLeaveListener() throws Exception {
        assertTrue(connection.get().leave("room"));

        assertEquals(List.of("leave:room"), calls);
        assertSame(thrown.get(0), nextListenerException().getCause());
        assertTrue(connection.get().isOpen(), "a failed leave listener does not end the connection");
    }

    @Test
    void throwingLeaveAndDisconnectListenersDoNotPreventTheOthersOnDisconnect() throws Exception {
        Connection c = connection.get();

        client.close();

        Await.until("the second disconnect listener", () -> calls.contains("disconnect"), () -> calls);
        Thread.sleep(QUIET.toMillis());
        assertEquals(Set.of("leave:room", "leave:" + c.id()), Set.copyOf(calls.subList(0, 2)), calls.toString());
        assertEquals(List.of("disconnect"), calls.subList(2, calls.size()), "one disconnect, after the leaves");
        assertEquals(3, thrown.size(), "two failing leaves and one failing disconnect: " + thrown);
        List<Throwable> reported = List.copyOf(errors);
        assertEquals(3, reported.size(), "every failure reached the error listener: " + reported);
        assertEquals(Set.copyOf(thrown),
                reported.stream().map(e -> assertInstanceOf(ListenerException.class, e).getCause()).collect(Collectors.toSet()));
        assertEquals(0, server.endpoint().registry().count());
        assertTrue(server.endpoint().registry().rooms().isEmpty());
    }
}
