package dev.sockeye.impl.handshake;

import dev.sockeye.Handshake;

import jakarta.websocket.server.HandshakeRequest;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;

/** Copies what Sockeye keeps of a container's upgrade request; the request itself is never kept. */
public final class HandshakeCapture {

    private HandshakeCapture() {
    }

    /** @return an immutable copy of the request; path parameters are added when the session opens */
    public static Handshake capture(HandshakeRequest request) {
        return new Handshake(request.getRequestURI(),
                request.getHeaders() == null ? Map.of() : request.getHeaders(),
                request.getParameterMap() == null ? Map.of() : request.getParameterMap(),
                Map.of(),
                Optional.ofNullable(request.getUserPrincipal()));
    }

    /**
     * @return {@code handshake} completed with what is known only once the session is open: path
     *         parameters, negotiated subprotocol and, where the container exposes it, the remote address
     */
    public static Handshake complete(Handshake handshake, jakarta.websocket.Session session) {
        Map<String, String> pathParameters = session.getPathParameters() == null ? Map.of() : session.getPathParameters();
        String subprotocol = session.getNegotiatedSubprotocol();
        // the session's own URI when it is the same: the container keeps that one anyway
        java.net.URI sessionUri = session.getRequestURI();
        java.net.URI uri = handshake.requestUri().equals(sessionUri) ? sessionUri : handshake.requestUri();
        return new Handshake(uri, handshake.headers(), handshake.queryParameters(),
                pathParameters, handshake.principal(),
                subprotocol == null || subprotocol.isEmpty() ? Optional.empty() : Optional.of(subprotocol),
                remoteAddress(session));
    }

    /**
     * The peer's IP address. The Jakarta API has no portable accessor: Tyrus's sessions (GlassFish,
     * Payara, the embedded server) have {@code getRemoteAddr()}; Undertow's (WildFly) have
     * {@code getWebSocketChannel().getSourceAddress()}.
     */
    private static Optional<String> remoteAddress(jakarta.websocket.Session session) {
        Object tyrus = invokePublic(session, "getRemoteAddr");
        if (tyrus != null) {
            return Optional.of(tyrus.toString());
        }
        Object channel = invokePublic(session, "getWebSocketChannel");
        if (channel != null && invokePublic(channel, "getSourceAddress") instanceof InetSocketAddress source) {
            return Optional.of(source.getAddress() == null ? source.getHostString() : source.getAddress().getHostAddress());
        }
        return Optional.empty();
    }

    /** @return the result of the no-argument method {@code name} of the first public class of {@code target}'s, or {@code null} */
    private static Object invokePublic(Object target, String name) {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            if (!java.lang.reflect.Modifier.isPublic(type.getModifiers())) {
                continue;
            }
            try {
                return type.getMethod(name).invoke(target);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
        return null;
    }
}
