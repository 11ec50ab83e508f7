package dev.sockeye.tck;

import dev.sockeye.Config;
import dev.sockeye.Connection;
import dev.sockeye.Handshake;
import dev.sockeye.HandshakeRefusedException;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The handshake hooks of the configuration: an authorizer refuses with the HTTP status it chooses,
 * the handshake error listener hears every refusal with its status, subprotocols are negotiated in
 * the server's preference order, and the handshake record carries the negotiated subprotocol and
 * the peer's address. Raw handshakes ({@link RawWebSocket}, a Jakarta session):
 * the refusals' HTTP status and the negotiated subprotocol are what it asserts, and the Java client
 * exposes neither.
 */
class HandshakeHooksTest {

    record Refusal(int status, String reason, Handshake handshake) {
    }

    @Test
    void anAuthorizerRefusesWithTheStatusItChoosesAndTheErrorListenerHearsIt() throws Exception {
        List<Refusal> refusals = new CopyOnWriteArrayList<>();
        Config config = Config.builder()
                .authorizer(handshake -> {
                    String token = handshake.queryParameter("token").orElse("");
                    switch (token) {
                        case "good" -> { }
                        case "" -> throw new HandshakeRefusedException(401, "no token");
                        case "malformed" -> throw new HandshakeRefusedException(400, "malformed token");
                        default -> throw new HandshakeRefusedException(403, "token not allowed");
                    }
                })
                .handshakeErrorListener((status, reason, handshake) -> refusals.add(new Refusal(status, reason, handshake)))
                .build();
        try (Servers.Running server = Servers.start(config, connection -> { })) {
            try (RawWebSocket ok = RawWebSocket.upgrade(URI.create(server.uri() + "?token=good"), Map.of())) {
                assertEquals(101, ok.status());
            }
            try (RawWebSocket forbidden = RawWebSocket.upgrade(URI.create(server.uri() + "?token=other"), Map.of())) {
                assertEquals(403, forbidden.status());
            }
            try (RawWebSocket bad = RawWebSocket.upgrade(URI.create(server.uri() + "?token=malformed"), Map.of())) {
                assertEquals(400, bad.status());
            }
            assertEquals(List.of(403, 400), refusals.stream().map(Refusal::status).toList());
            assertEquals("token not allowed", refusals.get(0).reason());
            assertEquals("other", refusals.get(0).handshake().queryParameter("token").orElseThrow());
            Await.until("the accepted connection closed and no refused handshake became a connection",
                    () -> server.endpoint().registry().count() == 0);
        }
    }

    @Test
    void anUnauthorizedHandshakeNeverBecomesAConnection() throws Exception {
        List<Refusal> refusals = new CopyOnWriteArrayList<>();
        List<Connection> opened = new CopyOnWriteArrayList<>();
        Config config = Config.builder()
                .authorizer(handshake -> {
                    throw new HandshakeRefusedException(401, "log in first");
                })
                .handshakeErrorListener((status, reason, handshake) -> refusals.add(new Refusal(status, reason, handshake)))
                .build();
        try (Servers.Running server = Servers.start(config, opened::add);
             RawWebSocket refused = RawWebSocket.upgrade(server.uri(), Map.of())) {
            // Tyrus sends the 401 (with its "Switching Protocols" reason phrase) and still opens a
            // session for it; Sockeye closes that session at once and never hands out a connection.
            assertEquals(401, refused.status(), refused.statusLine());
            Thread.sleep(200);
            assertEquals(List.of(), opened);
            assertEquals(1, refusals.size());
            assertEquals(401, refusals.get(0).status());
        }
    }

    @Test
    void aCrossOriginRefusalReachesTheErrorListenerWith403() throws Exception {
        List<Refusal> refusals = new CopyOnWriteArrayList<>();
        Config config = Config.builder()
                .handshakeErrorListener((status, reason, handshake) -> refusals.add(new Refusal(status, reason, handshake)))
                .build();
        try (Servers.Running server = Servers.start(config, connection -> { });
             RawWebSocket refused = RawWebSocket.upgrade(server.uri(), Map.of("Origin", "http://evil.example"))) {
            assertEquals(403, refused.status());
            assertEquals(1, refusals.size());
            assertEquals(403, refusals.get(0).status());
            assertTrue(refusals.get(0).reason().contains("evil.example"), refusals.get(0).reason());
        }
    }

    @Test
    void clientsWithoutOriginCanBeRefusedByConfiguration() throws Exception {
        Config config = Config.builder()
                .originPolicy(dev.sockeye.spi.OriginPolicy.sameOrigin(java.util.Set.of(), false)).build();
        try (Servers.Running server = Servers.start(config, connection -> { });
             RawWebSocket noOrigin = RawWebSocket.upgrade(server.uri(), Map.of())) {
            assertEquals(403, noOrigin.status());
        }
    }

    @Test
    void theFirstServerPreferredSubprotocolThatTheClientOffersIsChosen() throws Exception {
        BlockingQueue<Handshake> handshakes = new LinkedBlockingQueue<>();
        Config config = Config.builder().subprotocols(List.of("v2.chat", "v1.chat")).build();
        try (Servers.Running server = Servers.start(config, connection -> handshakes.add(connection.handshake()))) {
            Session session = connect(server.uri(), List.of("v1.chat", "v2.chat"));
            assertEquals("v2.chat", session.getNegotiatedSubprotocol());
            Handshake handshake = handshakes.poll(5, TimeUnit.SECONDS);
            assertNotNull(handshake);
            assertEquals("v2.chat", handshake.subprotocol().orElseThrow());
            assertTrue(handshake.remoteAddress().orElseThrow().contains("127.0.0.1"),
                    "remote address: " + handshake.remoteAddress());
            session.close();

            Session onlyOld = connect(server.uri(), List.of("v1.chat", "v0.chat"));
            assertEquals("v1.chat", onlyOld.getNegotiatedSubprotocol());
            onlyOld.close();

            Session none = connect(server.uri(), List.of("v9"));
            assertEquals("", none.getNegotiatedSubprotocol());
            assertTrue(handshakes.poll(5, TimeUnit.SECONDS).subprotocol().isPresent());
            assertTrue(handshakes.poll(5, TimeUnit.SECONDS).subprotocol().isEmpty());
            none.close();
        }
    }

    private static Session connect(URI uri, List<String> protocols) throws Exception {
        return Clients.shared().connectToServer(new Endpoint() {
            @Override
            public void onOpen(Session session, EndpointConfig config) {
            }
        }, ClientEndpointConfig.Builder.create().preferredSubprotocols(protocols).build(), uri);
    }
}
