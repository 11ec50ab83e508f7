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

    /** @return {@code handshake} with the session's path parameters */
    public static Handshake withPathParameters(Handshake handshake, Map<String, String> pathParameters) {
        if (pathParameters == null || pathParameters.isEmpty()) {
            return handshake;
        }
        return new Handshake(handshake.requestUri(), handshake.headers(), handshake.queryParameters(),
                pathParameters, handshake.principal());
    }
}
