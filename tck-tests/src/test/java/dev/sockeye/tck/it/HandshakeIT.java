package dev.sockeye.tck.it;

import dev.sockeye.Config;
import dev.sockeye.Connection;
import dev.sockeye.EventEndpoint;
import dev.sockeye.Handshake;
import dev.sockeye.HandshakeRefusedException;
import dev.sockeye.OnConnect;
import dev.sockeye.OnEvent;
import dev.sockeye.tck.Clients;
import dev.sockeye.tck.EventClient;

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

import java.net.URI;
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

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Spec §3 "IDs" and "origin" and the handshake settings in a container: unguessable distinct IDs
 * under concurrent upgrades; a custom generator that reads a header; a connected ID refused without
 * harming its owner; cross-origin browsers refused unless allowed; an authorizer's refusal; the
 * server's subprotocol preference; the handshake's headers, query and path parameters. The
 * connections are {@link dev.sockeye.client.SockeyeClient}s; refusals are checked by {@link Refusals}
 * on a raw client (the HTTP status or close code is the point), and the subprotocol on a raw Jakarta
 * session, because {@code SockeyeClient} does not expose the negotiated subprotocol.
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

    private static EventClient connect(URI uri, Map<String, String> headers) throws Exception {
        return EventClient.to(uri, options -> headers.forEach(options::header))
                .record("id", String.class).record("handshake", String.class).record("ping", String.class)
                .connect();
    }

    private static String idOf(EventClient client) throws InterruptedException {
        return client.next("id", String.class);
    }

    private URI users(String query) {
        return Urls.ws(base, "/users/lobby?token=secret" + query);
    }

    private static void assertServing(EventClient client) throws Exception {
        client.emit("ping", "");
        EventClient.Event event;
        do {
            event = client.next();
        } while (!event.name().equals("ping"));
        assertEquals("pong", event.payload());
    }

    @Test
    void concurrentHandshakesEachGetADistinctRandomUuid() throws Exception {
        int count = 50;
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<EventClient> clients = new ArrayList<>();
        try {
            List<Future<EventClient>> connecting = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                connecting.add(pool.submit(() -> connect(Urls.ws(base, "/ids"), Map.of())));
            }
            Set<String> ids = new HashSet<>();
            for (Future<EventClient> future : connecting) {
                EventClient client = future.get(30, TimeUnit.SECONDS);
                clients.add(client);
                String id = idOf(client);
                assertEquals(id, UUID.fromString(id).toString(), "a UUID: " + id);
                ids.add(id);
            }
            assertEquals(count, ids.size(), "every connection has its own ID");
        } finally {
            for (EventClient client : clients) {
                client.close();
            }
            pool.shutdownNow();
        }
    }

    @Test
    void aCustomGeneratorReadsTheHeaderAndAConnectedIdIsRefused() throws Exception {
        try (EventClient alice = connect(users(""), Map.of("X-User", "alice"))) {
            assertEquals("alice", idOf(alice));

            Refusals.assertRefused(users(""), Map.of("X-User", List.of("alice")), 409);

            assertServing(alice);
        }
    }

    @Test
    void theHandshakeIsCopiedWithHeadersQueryAndPathParameters() throws Exception {
        try (EventClient client = connect(users("&tag=a%20b"), Map.of("X-Custom-Header", "Value1"))) {
            idOf(client);
            assertEquals("lobby|a b|Value1|" + Urls.ws(base, "/users/lobby").getPath(), client.next("handshake", String.class));
        }
    }

    @Test
    void crossOriginBrowsersAreRefusedUnlessAllowed() throws Exception {
        Refusals.assertRefused(Urls.ws(base, "/ids"), Map.of("Origin", List.of("http://evil.example")), 403);
        Refusals.assertRefused(users(""), Map.of("Origin", List.of("http://evil.example")), 403);
        try (EventClient allowed = connect(users(""), Map.of("Origin", "http://app.example"))) {
            idOf(allowed);
            assertServing(allowed);
        }
        String sameOrigin = "http://127.0.0.1:" + base.getPort();
        try (EventClient same = connect(Urls.ws(base, "/ids"), Map.of("Origin", sameOrigin))) {
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
