package dev.sockeye.impl.handshake;

import dev.sockeye.Config;
import dev.sockeye.Handshake;
import dev.sockeye.ConnectionRegistry;
import dev.sockeye.HandshakeRefusedException;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.lang.reflect.Method;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Runs Sockeye's part of every handshake: copies the request, checks the origin, and chooses the
 * connection ID. Its decision travels to the session in the per-connection user properties
 * (Tyrus 2.1 and Undertow both give {@code modifyHandshake} a per-connection copy of them), so
 * two concurrent handshakes never see each other's ID.
 *
 * <p>A refusal becomes an HTTP error status where the container's response object lets us set one
 * (Tyrus); where it does not (Undertow) and a {@link RefusalRelay} scope is open, the refusal is
 * thrown to the filter that opened it, which answers with the status; elsewhere the upgraded
 * session is closed at once with code 1008.
 *
 * <p>Thread-safe: called concurrently for concurrent handshakes.
 */
public final class SockeyeConfigurator extends ServerEndpointConfig.Configurator {

    private static final System.Logger LOG = System.getLogger(SockeyeConfigurator.class.getName());

    private final Config config;
    private final ConnectionRegistry registry;
    private final UnaryOperator<HandshakeRequest> requestView;
    private final Supplier<Object> endpointFactory;

    /**
     * @param requestView     the request the handshake hooks see in place of the container's (a
     *                        protocol's own view of it)
     * @param endpointFactory makes the container-facing endpoint of each connection
     */
    public SockeyeConfigurator(Config config, ConnectionRegistry registry, UnaryOperator<HandshakeRequest> requestView,
                               Supplier<Object> endpointFactory) {
        this.config = config;
        this.registry = registry;
        this.requestView = requestView;
        this.endpointFactory = endpointFactory;
    }

    @Override
    public boolean checkOrigin(String originHeaderValue) {
        // The origin policy needs the Host header as well, so it runs in modifyHandshake.
        return true;
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
        Handshake handshake = HandshakeCapture.capture(requestView.apply(request));
        HandshakeOutcome outcome = decide(handshake);
        if (outcome instanceof HandshakeOutcome.Refused refused) {
            if (setStatus(response, refused.httpStatus())) {
                LOG.log(System.Logger.Level.DEBUG, "handshake refused: " + refused.reason());
            } else if (RefusalRelay.active()) {
                throw new RefusalRelay.Refusal(refused.httpStatus(), refused.reason());
            }
        }
        sec.getUserProperties().put(HandshakeOutcome.KEY, outcome);
    }

    private HandshakeOutcome decide(Handshake handshake) {
        HandshakeOutcome outcome = evaluate(handshake);
        if (outcome instanceof HandshakeOutcome.Refused refused) {
            try {
                config.handshakeErrorListener().onHandshakeError(refused.httpStatus(), refused.reason(), handshake);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "the handshake error listener threw", e);
            }
        }
        return outcome;
    }

    private HandshakeOutcome evaluate(Handshake handshake) {
        boolean allowed;
        try {
            allowed = config.originPolicy().allows(handshake);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the origin policy threw; refusing the handshake", e);
            allowed = false;
        }
        if (!allowed) {
            return new HandshakeOutcome.Refused(403, "origin not allowed: " + handshake.origin().orElse("(none)"));
        }
        String id;
        try {
            config.authorizer().authorize(handshake);
            id = config.idGenerator().generate(handshake);
        } catch (HandshakeRefusedException e) {
            return new HandshakeOutcome.Refused(e.status(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the authorizer or ID generator threw; refusing the handshake", e);
            return new HandshakeOutcome.Refused(500, "handshake hook failed: " + e);
        }
        if (id == null || id.isEmpty()) {
            return new HandshakeOutcome.Refused(500, "the ID generator returned no id");
        }
        if (registry.isConnected(id)) {
            return new HandshakeOutcome.Refused(409, "connection id already connected: " + id);
        }
        return new HandshakeOutcome.Accepted(id, handshake);
    }

    /** The first of the server's subprotocols, in the server's preference order, that the client asked for. */
    @Override
    public String getNegotiatedSubprotocol(java.util.List<String> supported, java.util.List<String> requested) {
        for (String protocol : config.subprotocols()) {
            if (requested.contains(protocol)) {
                return protocol;
            }
        }
        return "";
    }

    /** Sets the HTTP status when the container's response supports it (Tyrus's UpgradeResponse does). */
    private static boolean setStatus(HandshakeResponse response, int status) {
        for (Class<?> type = response.getClass(); type != null; type = type.getSuperclass()) {
            if (!java.lang.reflect.Modifier.isPublic(type.getModifiers())) {
                continue;
            }
            try {
                Method setStatus = type.getMethod("setStatus", int.class);
                setStatus.invoke(response, status);
                return true;
            } catch (ReflectiveOperationException | RuntimeException e) {
                return false;
            }
        }
        return false;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getEndpointInstance(Class<T> endpointClass) {
        return (T) endpointFactory.get();
    }
}
