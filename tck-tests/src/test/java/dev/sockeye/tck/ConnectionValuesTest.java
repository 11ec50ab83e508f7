package dev.sockeye.tck;

import dev.sockeye.Connection;
import dev.sockeye.Key;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The per-connection value store (Iris's SetValue/GetValue as typed keys) and fireError (Iris's
 * FireOnError): values live with their connection, are typed, and are safe from many threads; a
 * fired error reaches the error listeners and nothing else.
 */
class ConnectionValuesTest {

    static final Key<String> USER = Key.of("user", String.class);
    static final Key<AtomicInteger> COUNTER = Key.of("counter", AtomicInteger.class);

    @Test
    void valuesSetAtConnectAreReadInLaterHandlers() throws Exception {
        try (Servers.Running server = Servers.start(connection -> {
            connection.values().put(USER, connection.handshake().queryParameter("user").orElse("anonymous"));
            connection.on("whoami", () -> connection.emit("you", connection.values().get(USER).orElseThrow()));
        }); EventClient client = EventClient.to(java.net.URI.create(server.uri() + "?user=ana")).record("you", String.class).connect()) {
            client.emit("whoami", "");
            assertEquals("ana", client.next("you", String.class));
        }
    }

    @Test
    void valuesAreTypedAndAtomicUnderConcurrentUse() throws Exception {
        BlockingQueue<Connection> opened = new LinkedBlockingQueue<>();
        try (Servers.Running server = Servers.start(opened::add);
             EventClient client = EventClient.to(server.uri()).connect()) {
            Connection connection = opened.poll(5, TimeUnit.SECONDS);
            assertNotNull(connection);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            for (int i = 0; i < 8_000; i++) {
                pool.execute(() -> connection.values().computeIfAbsent(COUNTER, AtomicInteger::new).incrementAndGet());
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
            assertEquals(8_000, connection.values().get(COUNTER).orElseThrow().get());

            assertEquals(Optional.empty(), connection.values().put(USER, "ana"));
            assertEquals(Optional.of("ana"), connection.values().put(USER, "bo"));
            assertEquals(Optional.of("bo"), connection.values().remove(USER));
            assertEquals(Optional.empty(), connection.values().get(USER));
            @SuppressWarnings({"unchecked", "rawtypes"})
            Key<String> lying = (Key) Key.of("user", Integer.class);
            assertThrows(ClassCastException.class, () -> connection.values().put(lying, "not an int"));
        }
    }

    @Test
    void aFiredErrorReachesTheErrorListenersAndTheConnectionStaysOpen() throws Exception {
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        IllegalStateException problem = new IllegalStateException("quota exceeded");
        try (Servers.Running server = Servers.start(connection -> {
            connection.onError(errors::add);
            connection.on("quota", () -> connection.fireError(problem));
            connection.on("ping", () -> connection.emit("pong", "still here"));
        }); EventClient client = EventClient.to(server.uri()).record("pong", String.class).connect()) {
            client.emit("quota", "");
            client.emit("ping", "");
            assertEquals("still here", client.next("pong", String.class));
            assertEquals(1, errors.size());
            assertSame(problem, errors.get(0));
        }
    }
}
