package dev.sockeye.ee;

import dev.sockeye.Config;
import dev.sockeye.ConnectionRegistry;
import dev.sockeye.HandshakeRefusedException;
import dev.sockeye.impl.handshake.HandshakeOutcome;
import dev.sockeye.impl.handshake.SockeyeConfigurator;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The filter and the configurator together, as on Undertow: the filter chain stands in for the
 * container's WebSocket filter and calls the configurator with a handshake response that has no
 * status to set. A refusal then becomes the HTTP status, after the authorizer ran once; an accepted
 * handshake, a plain request and a response that takes a status (Tyrus) pass through.
 */
class HandshakeRefusalFilterTest {

    private final AtomicInteger authorizations = new AtomicInteger();
    private final SockeyeConfigurator configurator = new SockeyeConfigurator(Config.builder()
            .authorizer(handshake -> {
                authorizations.incrementAndGet();
                if (handshake.queryParameter("token").isEmpty()) {
                    throw new HandshakeRefusedException(401, "token required");
                }
            }).build(), registry(), request -> request, Object::new);
    private final ServerEndpointConfig config = ServerEndpointConfig.Builder.create(Object.class, "/chat")
            .configurator(configurator).build();

    /** What the filter did to the servlet response, in order. */
    private final List<String> calls = new ArrayList<>();
    private final HttpServletResponse servletResponse = (HttpServletResponse) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {HttpServletResponse.class}, (self, method, args) -> {
                calls.add(method.getName() + (args == null ? "" : List.of(args)));
                return null;
            });

    private static ConnectionRegistry registry() {
        return (ConnectionRegistry) Proxy.newProxyInstance(HandshakeRefusalFilterTest.class.getClassLoader(),
                new Class<?>[] {ConnectionRegistry.class}, (self, method, args) -> {
                    if (method.getName().equals("isConnected")) {
                        return false;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static HttpServletRequest servletRequest(String upgrade) {
        return (HttpServletRequest) Proxy.newProxyInstance(HandshakeRefusalFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (self, method, args) -> {
                    if (method.getName().equals("getHeader")) {
                        return "Upgrade".equalsIgnoreCase((String) args[0]) ? upgrade : null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static HandshakeRequest handshakeRequest(String query) {
        Map<String, List<String>> parameters = query == null ? Map.of() : Map.of("token", List.of(query));
        return (HandshakeRequest) Proxy.newProxyInstance(HandshakeRefusalFilterTest.class.getClassLoader(),
                new Class<?>[] {HandshakeRequest.class}, (self, method, args) -> switch (method.getName()) {
                    case "getRequestURI" -> URI.create("/chat");
                    case "getHeaders" -> Map.of("Host", List.of("127.0.0.1:8080"));
                    case "getParameterMap" -> parameters;
                    case "getUserPrincipal" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Undertow's handshake response: headers only, no status. */
    private static final class HeadersOnly implements HandshakeResponse {
        @Override
        public Map<String, List<String>> getHeaders() {
            return new HashMap<>();
        }
    }

    /** Tyrus's handshake response has a public {@code setStatus(int)}. */
    public static final class WithStatus implements HandshakeResponse {
        int status;

        @Override
        public Map<String, List<String>> getHeaders() {
            return new HashMap<>();
        }

        public void setStatus(int status) {
            this.status = status;
        }
    }

    private FilterChain upgrade(String token, HandshakeResponse response) {
        return (request, servletResponse) -> {
            calls.add("upgrade");
            configurator.modifyHandshake(config, handshakeRequest(token), response);
            calls.add("upgraded");
        };
    }

    @Test
    void aRefusalTheResponseCannotCarryIsAnsweredWithItsStatusAfterOneAuthorization() throws Exception {
        new HandshakeRefusalFilter().doFilter(servletRequest("websocket"), servletResponse, upgrade(null, new HeadersOnly()));

        assertEquals(List.of("upgrade", "reset", "setHeader[Connection, close]", "sendError[401]"), calls);
        assertEquals(1, authorizations.get());
    }

    @Test
    void anAcceptedHandshakePassesThrough() throws Exception {
        new HandshakeRefusalFilter().doFilter(servletRequest("websocket"), servletResponse, upgrade("secret", new HeadersOnly()));

        assertEquals(List.of("upgrade", "upgraded"), calls);
        assertInstanceOf(HandshakeOutcome.Accepted.class, config.getUserProperties().get(HandshakeOutcome.KEY));
        assertEquals(1, authorizations.get());
    }

    @Test
    void aResponseThatTakesAStatusGetsItThereAndTheFilterStaysOut() throws Exception {
        WithStatus response = new WithStatus();

        new HandshakeRefusalFilter().doFilter(servletRequest("websocket"), servletResponse, upgrade(null, response));

        assertEquals(401, response.status);
        assertEquals(List.of("upgrade", "upgraded"), calls);
        assertEquals(1, authorizations.get());
    }

    @Test
    void withoutTheFilterTheRefusalTravelsToTheSessionForA1008Close() throws Exception {
        upgrade(null, new HeadersOnly()).doFilter(servletRequest("websocket"), servletResponse);

        assertEquals(List.of("upgrade", "upgraded"), calls);
        Object outcome = config.getUserProperties().get(HandshakeOutcome.KEY);
        assertTrue(outcome instanceof HandshakeOutcome.Refused refused && refused.httpStatus() == 401, "outcome " + outcome);
    }

    @Test
    void aRequestThatIsNoUpgradePassesThroughWithoutAScope() throws Exception {
        new HandshakeRefusalFilter().doFilter(servletRequest(null), servletResponse, upgrade(null, new HeadersOnly()));

        assertEquals(List.of("upgrade", "upgraded"), calls, "outside a scope the configurator does not throw");
    }
}
