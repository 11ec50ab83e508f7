package dev.sockeye.tck;

import dev.sockeye.Config;
import dev.sockeye.Connection;
import dev.sockeye.Handshake;
import dev.sockeye.spi.IdGenerator;

import jakarta.websocket.DeploymentException;

import org.glassfish.tyrus.core.HandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static dev.sockeye.tck.TestClient.PREFIX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Spec §3 "IDs" and "origin": every handshake gets its own unguessable ID (also under concurrent
 * upgrades), a custom generator sees the handshake's headers and query, an ID already connected is
 * refused without harming its owner, and a cross-origin browser handshake is refused with HTTP 403
 * unless the configuration allows that origin. Raw handshakes ({@link TestClient},
 * {@link RawWebSocket}): most tests assert a refusal's HTTP status (the concurrent same-ID test
 * too: all but one upgrade get 409). {@code HandshakeIT} checks IDs, headers and allowed origins
 * with the Java client.
 */
class HandshakeTest {

    private static final IdGenerator USER_ID = handshake -> handshake.header("x-user")
            .or(() -> handshake.queryParameter("user"))
            .orElseGet(() -> UUID.randomUUID().toString());

    private Servers.Running server;
    private final BlockingQueue<Connection> opened = new LinkedBlockingQueue<>();
    private final List<TestClient> clients = Collections.synchronizedList(new ArrayList<>());

    private void start(Config config) throws Exception {
        server = Servers.start(config, connection -> {
            connection.on("ping", () -> connection.emit("pong", ""));
            connection.emit("id", connection.id());
            opened.add(connection);
        });
    }

    @AfterEach
    void stop() throws Exception {
        synchronized (clients) {
            for (TestClient client : clients) {
                client.close();
            }
        }
        if (server != null) {
            server.close();
        }
    }

    private TestClient connect(URI uri, Map<String, List<String>> headers) throws Exception {
        TestClient client = TestClient.connect(uri, headers);
        clients.add(client);
        return client;
    }

    private TestClient connect() throws Exception {
        return connect(server.uri(), Map.of());
    }

    /** @return the ID the server emitted on connect */
    private static String learnId(TestClient client) throws InterruptedException {
        String frame = client.next();
        String header = PREFIX + "id;0;";
        assertTrue(frame.startsWith(header), frame);
        return frame.substring(header.length());
    }

    private Connection awaitOpened() throws InterruptedException {
        Connection connection = opened.poll(5, TimeUnit.SECONDS);
        assertNotNull(connection, "the server did not see a connection");
        return connection;
    }

    private String origin() {
        return "http://127.0.0.1:" + server.uri().getPort();
    }

    private void assertStillServing(TestClient client) throws Exception {
        client.emit("ping", 0, "");
        String frame = client.next();
        if (frame.startsWith(PREFIX + "id;0;")) {
            frame = client.next();
        }
        assertEquals(PREFIX + "pong;0;", frame);
        assertTrue(client.isOpen());
    }

    // --- IDs --------------------------------------------------------------------------------

    @Test
    void concurrentHandshakesEachGetADistinctRandomIdThatTheRegistryKnows() throws Exception {
        start(Config.defaults());
        int count = 200;
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<String>> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ids.add(pool.submit(() -> learnId(connect())));
            }
            Set<String> learned = new HashSet<>();
            for (Future<String> id : ids) {
                learned.add(id.get(60, TimeUnit.SECONDS));
            }

            assertEquals(count, learned.size(), "every connection has its own ID");
            learned.forEach(id -> assertEquals(id, UUID.fromString(id).toString(), "a UUID: " + id));
            assertEquals(count, server.endpoint().registry().count());
            assertEquals(learned, server.endpoint().registry().connections().stream()
                    .map(Connection::id).collect(Collectors.toSet()), "the registry holds exactly the learned IDs");
            for (String id : learned) {
                assertTrue(server.endpoint().registry().isJoined(id, id), "own ID room of " + id);
            }
        } finally {
            List<Future<?>> closes = new ArrayList<>();
            synchronized (clients) {
                for (TestClient client : clients) {
                    closes.add(pool.submit(() -> {
                        client.close();
                        return null;
                    }));
                }
            }
            for (Future<?> close : closes) {
                close.get(30, TimeUnit.SECONDS);
            }
            pool.shutdownNow();
        }
        Await.until("every connection gone", () -> server.endpoint().registry().count() == 0);
    }

    @Test
    void customIdGeneratorTakesTheIdFromAHeader() throws Exception {
        start(Config.builder().idGenerator(USER_ID).build());

        TestClient client = connect(server.uri(), Map.of("X-User", List.of("alice")));

        assertEquals("alice", learnId(client));
        assertEquals("alice", awaitOpened().id());
        assertTrue(server.endpoint().registry().isConnected("alice"));
        assertTrue(server.endpoint().registry().isJoined("alice", "alice"));
    }

    @Test
    void customIdGeneratorTakesTheIdFromAQueryParameter() throws Exception {
        start(Config.builder().idGenerator(USER_ID).build());

        TestClient client = connect(URI.create(server.uri() + "?user=bob"), Map.of());

        assertEquals("bob", learnId(client));
        assertTrue(server.endpoint().registry().isConnected("bob"));
    }

    @Test
    void handshakeExposesHeadersCaseInsensitivelyAndDecodedQueryParameters() throws Exception {
        start(Config.defaults());

        connect(URI.create(server.uri() + "?tag=a&tag=b&name=x%20y"), Map.of("X-Custom-Header", List.of("Value1")));

        Handshake handshake = awaitOpened().handshake();
        assertEquals("Value1", handshake.header("x-custom-header").orElseThrow());
        assertEquals("Value1", handshake.header("X-CUSTOM-HEADER").orElseThrow());
        assertEquals(List.of("Value1"), handshake.headers().get("x-CuStOm-hEaDeR"));
        assertEquals(List.of("a", "b"), handshake.queryParameters().get("tag"));
        assertEquals("a", handshake.queryParameter("tag").orElseThrow());
        assertEquals("x y", handshake.queryParameter("name").orElseThrow());
        assertTrue(handshake.queryParameter("absent").isEmpty());
        assertEquals("/ws", handshake.requestUri().getPath());
        assertEquals("127.0.0.1:" + server.uri().getPort(), handshake.host().orElseThrow());
        assertThrows(UnsupportedOperationException.class, () -> handshake.headers().put("x", List.of("y")));
        assertThrows(UnsupportedOperationException.class, () -> handshake.queryParameters().get("tag").add("c"));
    }

    @Test
    void secondHandshakeWithAConnectedIdIsRefusedWith409AndTheFirstConnectionIsUnaffected() throws Exception {
        start(Config.builder().idGenerator(USER_ID).build());
        TestClient first = connect(server.uri(), Map.of("X-User", List.of("alice")));
        assertEquals("alice", learnId(first));
        Connection alice = awaitOpened();

        DeploymentException refused = assertThrows(DeploymentException.class,
                () -> connect(server.uri(), Map.of("X-User", List.of("alice"))));
        try (RawWebSocket raw = RawWebSocket.upgrade(server.uri(), Map.of("X-User", "alice"))) {
            assertEquals(409, raw.status(), "the refusal is an HTTP error, not an upgrade: " + raw.statusLine());
        }

        assertEquals(409, httpStatusOf(refused), "Tyrus's client fails the connect with the HTTP status");
        assertNull(opened.poll(300, TimeUnit.MILLISECONDS), "no second connection was opened");
        assertEquals(1, server.endpoint().registry().count());
        assertTrue(alice.isOpen());
        assertStillServing(first);
        assertTrue(first.closeReason().isEmpty(), "the first connection was closed: " + first.closeReason());
    }

    @Test
    void concurrentHandshakesWithTheSameIdLeaveExactlyOneConnection() throws Exception {
        start(Config.builder().idGenerator(USER_ID).build());
        int attempts = 16;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        List<Future<TestClient>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < attempts; i++) {
                outcomes.add(pool.submit(() -> {
                    try {
                        return connect(server.uri(), Map.of("X-User", List.of("carol")));
                    } catch (DeploymentException refused) {
                        assertEquals(409, httpStatusOf(refused));
                        return null;
                    }
                }));
            }
            List<TestClient> upgraded = new ArrayList<>();
            for (Future<TestClient> outcome : outcomes) {
                TestClient client = outcome.get(30, TimeUnit.SECONDS);
                if (client != null) {
                    upgraded.add(client);
                }
            }
            // A loser of the race between the ID check and the registration may be upgraded and
            // then closed at once with 1008; the winner learns its ID.
            List<TestClient> winners = new ArrayList<>();
            for (TestClient client : upgraded) {
                String frame = null;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (frame == null && client.closeReason().isEmpty() && System.nanoTime() < deadline) {
                    frame = client.poll(java.time.Duration.ofMillis(20));
                }
                if (frame != null) {
                    assertEquals(PREFIX + "id;0;carol", frame);
                    winners.add(client);
                } else {
                    assertEquals(jakarta.websocket.CloseReason.CloseCodes.VIOLATED_POLICY,
                            client.awaitClose().getCloseCode(), "an upgraded loser is closed with 1008");
                }
            }
            assertEquals(1, winners.size(), "exactly one connection got the ID");
            assertEquals(1, server.endpoint().registry().count());
            assertStillServing(winners.get(0));
        } finally {
            pool.shutdownNow();
        }
    }

    // --- origin -----------------------------------------------------------------------------

    @Test
    void crossOriginHandshakeIsRefusedWith403AndNeverBecomesAConnection() throws Exception {
        start(Config.defaults());

        DeploymentException refused = assertThrows(DeploymentException.class,
                () -> connect(server.uri(), Map.of("Origin", List.of("http://evil.example"))));
        try (RawWebSocket raw = RawWebSocket.upgrade(server.uri(), Map.of("Origin", "http://evil.example"))) {
            assertEquals(403, raw.status(), raw.statusLine());
        }

        assertEquals(403, httpStatusOf(refused), "Tyrus's client fails the connect with the HTTP status");
        assertNull(opened.poll(300, TimeUnit.MILLISECONDS), "the connection listener was not called");
        assertEquals(0, server.endpoint().registry().count());
    }

    @Test
    void crossOriginOnTheSameHostButAnotherPortIsRefused() throws Exception {
        start(Config.defaults());

        try (RawWebSocket raw = RawWebSocket.upgrade(server.uri(),
                Map.of("Origin", "http://127.0.0.1:" + (server.uri().getPort() == 1 ? 2 : server.uri().getPort() - 1)))) {
            assertEquals(403, raw.status(), raw.statusLine());
        }
        assertEquals(0, server.endpoint().registry().count());
    }

    @Test
    void sameOriginHandshakeIsAccepted() throws Exception {
        start(Config.defaults());

        TestClient client = connect(server.uri(), Map.of("Origin", List.of(origin())));

        assertEquals(origin(), awaitOpened().handshake().origin().orElseThrow());
        assertStillServing(client);
    }

    @Test
    void handshakeWithoutOriginHeaderIsAccepted() throws Exception {
        start(Config.defaults());

        try (RawWebSocket raw = RawWebSocket.upgrade(server.uri(), Map.of())) {
            assertEquals(101, raw.status(), raw.statusLine());
            assertTrue(awaitOpened().handshake().origin().isEmpty());
            assertEquals(1, server.endpoint().registry().count());
        }
    }

    @Test
    void originInAllowedOriginsIsAcceptedAndOthersAreStillRefused() throws Exception {
        start(Config.builder().allowedOrigins(Set.of("http://app.example")).build());

        TestClient client = connect(server.uri(), Map.of("Origin", List.of("http://app.example")));
        assertEquals("http://app.example", awaitOpened().handshake().origin().orElseThrow());
        assertStillServing(client);

        DeploymentException refused = assertThrows(DeploymentException.class,
                () -> connect(server.uri(), Map.of("Origin", List.of("http://evil.example"))));
        assertEquals(403, httpStatusOf(refused));
        TestClient sameOrigin = connect(server.uri(), Map.of("Origin", List.of(origin())));
        assertStillServing(sameOrigin);
    }

    @Test
    void opaqueNullOriginIsRefused() throws Exception {
        start(Config.defaults());

        try (RawWebSocket raw = RawWebSocket.upgrade(server.uri(), Map.of("Origin", "null"))) {
            assertEquals(403, raw.status(), raw.statusLine());
        }
        assertEquals(0, server.endpoint().registry().count());
    }

    @Test
    void allowedOriginsAreComparedCaseInsensitively() throws Exception {
        start(Config.builder().allowedOrigins(Set.of("http://app.example")).build());

        try (RawWebSocket raw = RawWebSocket.upgrade(server.uri(), Map.of("Origin", "HTTP://App.Example"))) {
            assertEquals(101, raw.status(), raw.statusLine());
            awaitOpened();
        }
    }

    @Test
    void idGeneratorThatThrowsRefusesTheHandshakeWith500() throws Exception {
        start(Config.builder().idGenerator(handshake -> {
            if (handshake.header("X-User").isEmpty()) {
                throw new IllegalStateException("who are you?");
            }
            return handshake.header("X-User").get();
        }).build());

        DeploymentException refused = assertThrows(DeploymentException.class, () -> connect(server.uri(), Map.of()));

        assertEquals(500, httpStatusOf(refused));
        assertEquals(0, server.endpoint().registry().count());
        TestClient dave = connect(server.uri(), Map.of("X-User", List.of("dave")));
        assertEquals("dave", learnId(dave));
    }

    @Test
    void allowAllOriginsAcceptsAnyOrigin() throws Exception {
        start(Config.builder().allowAllOrigins().build());

        TestClient client = connect(server.uri(), Map.of("Origin", List.of("http://evil.example")));

        assertEquals("http://evil.example", awaitOpened().handshake().origin().orElseThrow());
        assertStillServing(client);
    }

    /** @return the HTTP status Tyrus's client reports for a refused upgrade */
    private static int httpStatusOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HandshakeException handshake) {
                return handshake.getHttpStatusCode();
            }
        }
        return fail("no HandshakeException in the cause chain of " + failure, failure);
    }
}
