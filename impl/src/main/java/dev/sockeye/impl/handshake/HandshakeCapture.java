package dev.sockeye.impl.handshake;

import dev.sockeye.Handshake;

import jakarta.websocket.server.HandshakeRequest;

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

    /** Tyrus's sessions have {@code getRemoteAddr()}; the Jakarta API has no portable accessor. */
    private static Optional<String> remoteAddress(jakarta.websocket.Session session) {
        for (Class<?> type = session.getClass(); type != null; type = type.getSuperclass()) {
            if (!java.lang.reflect.Modifier.isPublic(type.getModifiers())) {
                continue;
            }
            try {
                Object address = type.getMethod("getRemoteAddr").invoke(session);
                return address == null ? Optional.empty() : Optional.of(address.toString());
            } catch (ReflectiveOperationException | RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
