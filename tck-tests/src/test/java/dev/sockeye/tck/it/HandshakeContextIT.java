package dev.sockeye.tck.it;

import dev.sockeye.Config;
import dev.sockeye.Connection;
import dev.sockeye.EventEndpoint;
import dev.sockeye.Handshake;
import dev.sockeye.OnConnect;
import dev.sockeye.client.ClientOptions;
import dev.sockeye.tck.EventClient;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URL;
import java.security.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Spec §3 "handshake" in a container: every connection's {@link Handshake} carries the principal
 * of the upgrade request, the peer's IP address, and the subprotocol chosen in the server's
 * preference order, on the server side, where an application reads them.
 *
 * <p>The principal is the servlet request's: what the container's authentication (or an
 * authentication filter) established for the upgrade request. The test WAR sets it with a servlet
 * filter that wraps the request, as an authentication filter would, so that the test needs no
 * users configured in each container's security realm; the path from the servlet request through
 * the container's WebSocket layer into Sockeye's {@code Handshake} is the same as for a container
 * login. The connections are {@link dev.sockeye.client.SockeyeClient}s; the endpoint sends each its
 * own handshake's values.
 */
@ExtendWith(ArquillianExtension.class)
class HandshakeContextIT {

    public static final class Chat implements Supplier<Config> {
        @Override
        public Config get() {
            return Config.builder().subprotocols(List.of("v2.chat", "v1.chat")).build();
        }
    }

    @EventEndpoint(value = "/context", config = Chat.class)
    public static class ContextEndpoint {
        @OnConnect
        public void describe(Connection connection, Handshake handshake) {
            connection.emit("context", handshake.principal().map(Principal::getName).orElse("(none)")
                    + "|" + handshake.remoteAddress().orElse("(none)")
                    + "|" + handshake.subprotocol().orElse("(none)"));
        }
    }

    /** Authenticates an upgrade request that names a {@code user} in its query, as an authentication filter would. */
    public static final class UserFilter extends HttpFilter {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            String user = request.getParameter("user");
            chain.doFilter(user == null ? request : new AuthenticatedRequest(request, new User(user)), response);
        }
    }

    public static final class AuthenticatedRequest extends HttpServletRequestWrapper {
        private final Principal user;

        AuthenticatedRequest(HttpServletRequest request, Principal user) {
            super(request);
            this.user = user;
        }

        @Override
        public Principal getUserPrincipal() {
            return user;
        }
    }

    public record User(String name) implements Principal {
        @Override
        public String getName() {
            return name;
        }
    }

    /** Maps {@link UserFilter} ahead of the container's WebSocket filter, which makes the upgrade. */
    @WebListener
    public static final class UserFilterRegistration implements ServletContextListener {
        @Override
        public void contextInitialized(ServletContextEvent event) {
            event.getServletContext().addFilter("user", new UserFilter())
                    .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        }
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.war("context", ContextEndpoint.class, Chat.class, UserFilter.class, AuthenticatedRequest.class,
                User.class, UserFilterRegistration.class);
    }

    @ArquillianResource
    private URL base;

    private String contextOf(String query, Consumer<ClientOptions.Builder> options) throws Exception {
        try (EventClient client = EventClient.to(Urls.ws(base, "/context" + query), options)
                .record("context", String.class).connect()) {
            return client.next("context", String.class);
        }
    }

    @Test
    void theHandshakeCarriesThePrincipalTheRemoteAddressAndTheChosenSubprotocol() throws Exception {
        assertEquals("alice|127.0.0.1|v2.chat",
                contextOf("?user=alice", options -> options.subprotocols(List.of("v1.chat", "v2.chat"))));
    }

    @Test
    void withoutAuthenticationOrACommonSubprotocolBothAreAbsent() throws Exception {
        assertEquals("(none)|127.0.0.1|(none)", contextOf("", options -> options.subprotocols(List.of("v9.chat"))));
        assertEquals("(none)|127.0.0.1|v1.chat", contextOf("", options -> options.subprotocols(List.of("v1.chat"))));
    }
}
