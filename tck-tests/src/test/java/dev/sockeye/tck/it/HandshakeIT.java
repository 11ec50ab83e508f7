package dev.sockeye.tck.it;

import dev.sockeye.Config;
import dev.sockeye.Connection;
import dev.sockeye.EventEndpoint;
import dev.sockeye.Handshake;
import dev.sockeye.HandshakeRefusedException;
import dev.sockeye.OnConnect;
import dev.sockeye.OnEvent;
import dev.sockeye.tck.Clients;
import dev.sockeye.tck.TestClient;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static dev.sockeye.tck.TestClient.PREFIX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spec §3 "IDs" and "origin" and the handshake settings in a container: unguessable distinct IDs
 * under concurrent upgrades; a custom generator that reads a header; a connected ID refused without
 * harming its owner; cross-origin browsers refused unless allowed; an authorizer's refusal; the
 * server's subprotocol preference; the handshake's headers, query and path parameters.
 */
@ExtendWith(ArquillianExtension.class)
class HandshakeIT {

    @EventEndpoint("/ids")
    public static class IdsEndpoint {
        @OnConnect
        public void id(Connection connection) {
            connection.emit("id", connection.id());
        }

        @OnEvent("ping")
        public String ping() {
            return "pong";
        }
    }

    public static final class UserIds implements Supplier<Config> {
        @Override
        public Config get() {
            return Config.builder()
                    .idGenerator(handshake -> handshake.header("X-User").orElseGet(() -> UUID.randomUUID().toString()))
                    .allowedOrigins(Set.of("http://app.example"))
                    .authorizer(handshake -> {
                        if (handshake.queryParameter("token").filter("secret"::equals).isEmpty()) {
                            throw new HandshakeRefusedException(401, "token required");
                        }
                    })
                    .subprotocols(List.of("v2.chat", "v1.chat"))
                    .build();
        }
    }

    @EventEndpoint(value = "/users/{room}", config = UserIds.class)
    public static class UsersEndpoint {
        @OnConnect
        public void describe(Connection connection, Handshake handshake, @PathParam("room") String room) {
            connection.emit("id", connection.id());
            connection.emit("handshake", room + "|" + handshake.queryParameter("tag").orElse("") + "|"
                    + handshake.header("x-custom-header").orElse("") + "|" + handshake.requestUri().getPath());
        }

        @OnEvent("ping")
        public String ping() {
            return "pong";
        }
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.war("handshake", IdsEndpoint.class, UsersEndpoint.class, UserIds.class);
    }

    @ArquillianResource
    private URL base;

    private static String idOf(TestClient client) throws InterruptedException {
        String frame = client.next();
        assertTrue(frame.startsWith(PREFIX + "id;0;"), frame);
        return frame.substring((PREFIX + "id;0;").length());
    }

    private java.net.URI users(String query) {
        return Urls.ws(base, "/users/lobby?token=secret" + query);
    }

    private static void assertServing(TestClient client) throws Exception {
        client.emit("ping", 0, "");
        String frame;
        do {
            frame = client.next();
        } while (!frame.startsWith(PREFIX + "ping;"));
        assertEquals(PREFIX + "ping;0;pong", frame);
    }

    @Test
    void concurrentHandshakesEachGetADistinctRandomUuid() throws Exception {
        int count = 50;
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<TestClient> clients = new ArrayList<>();
        try {
            List<Future<TestClient>> connecting = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                connecting.add(pool.submit(() -> TestClient.connect(Urls.ws(base, "/ids"))));
            }
            Set<String> ids = new HashSet<>();
            for (Future<TestClient> future : connecting) {
                TestClient client = future.get(30, TimeUnit.SECONDS);
                clients.add(client);
                String id = idOf(client);
                assertEquals(id, UUID.fromString(id).toString(), "a UUID: " + id);
                ids.add(id);
            }
            assertEquals(count, ids.size(), "every connection has its own ID");
        } finally {
            for (TestClient client : clients) {
                client.close();
            }
            pool.shutdownNow();
        }
    }

    @Test
    void aCustomGeneratorReadsTheHeaderAndAConnectedIdIsRefused() throws Exception {
        try (TestClient alice = TestClient.connect(users(""), Map.of("X-User", List.of("alice")))) {
            assertEquals("alice", idOf(alice));

            Refusals.assertRefused(users(""), Map.of("X-User", List.of("alice")), 409);

            assertServing(alice);
        }
    }

    @Test
    void theHandshakeIsCopiedWithHeadersQueryAndPathParameters() throws Exception {
        try (TestClient client = TestClient.connect(users("&tag=a%20b"), Map.of("X-Custom-Header", List.of("Value1")))) {
            idOf(client);
            assertEquals(PREFIX + "handshake;0;lobby|a b|Value1|" + Urls.ws(base, "/users/lobby").getPath(), client.next());
        }
    }

    @Test
    void crossOriginBrowsersAreRefusedUnlessAllowed() throws Exception {
        Refusals.assertRefused(Urls.ws(base, "/ids"), Map.of("Origin", List.of("http://evil.example")), 403);
        Refusals.assertRefused(users(""), Map.of("Origin", List.of("http://evil.example")), 403);
        try (TestClient allowed = TestClient.connect(users(""), Map.of("Origin", List.of("http://app.example")))) {
            idOf(allowed);
            assertServing(allowed);
        }
        String sameOrigin = "http://127.0.0.1:" + base.getPort();
        try (TestClient same = TestClient.connect(Urls.ws(base, "/ids"), Map.of("Origin", List.of(sameOrigin)))) {
            idOf(same);
        }
    }

    @Test
    void theAuthorizerRefusesWithItsStatus() throws Exception {
        Refusals.assertRefused(Urls.ws(base, "/users/lobby"), Map.of(), 401);
        Refusals.assertRefused(Urls.ws(base, "/users/lobby?token=wrong"), Map.of(), 401);
    }

    @Test
    void theServersSubprotocolPreferenceWins() throws Exception {
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                .preferredSubprotocols(List.of("v1.chat", "v2.chat", "other")).build();
        Session session = Clients.shared().connectToServer(new Endpoint() {
            @Override
            public void onOpen(Session s, EndpointConfig c) {
            }
        }, config, users(""));
        try {
            assertEquals("v2.chat", session.getNegotiatedSubprotocol());
        } finally {
            session.close();
        }
    }
}
