package dev.sockeye.impl.protocol.neffos;

import jakarta.websocket.server.HandshakeRequest;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An upgrade request whose query parameters named {@code X-Websocket-Header-<Name>} also count as
 * headers {@code <Name>}: browsers cannot set headers on a WebSocket, so neffos.js sends them this
 * way (spec §2.1). Real headers win: a parameter never replaces a header the request has, and never
 * stands for a header the browser controls ({@code Origin}, {@code Host}, {@code Cookie},
 * {@code Sec-WebSocket-*}, {@code Upgrade}, {@code Connection}), so a page cannot forge its origin.
 */
final class HeaderParamsRequest implements HandshakeRequest {

    static final String PREFIX = "X-Websocket-Header-";
    private static final Set<String> PROTECTED = Set.of("origin", "host", "cookie", "upgrade", "connection");

    private final HandshakeRequest request;
    private final Map<String, List<String>> headers;

    HeaderParamsRequest(HandshakeRequest request) {
        this.request = request;
        this.headers = merge(request.getHeaders(), request.getParameterMap());
    }

    static Map<String, List<String>> merge(Map<String, List<String>> headers, Map<String, List<String>> parameters) {
        TreeMap<String, List<String>> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            merged.putAll(headers);
        }
        if (parameters != null) {
            parameters.forEach((name, values) -> {
                if (name.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) && name.length() > PREFIX.length()) {
                    String header = name.substring(PREFIX.length());
                    String lower = header.toLowerCase(Locale.ROOT);
                    if (!PROTECTED.contains(lower) && !lower.startsWith("sec-websocket-")) {
                        merged.putIfAbsent(header, List.copyOf(values));
                    }
                }
            });
        }
        return merged;
    }

    @Override
    public Map<String, List<String>> getHeaders() {
        return headers;
    }

    @Override
    public Principal getUserPrincipal() {
        return request.getUserPrincipal();
    }

    @Override
    public URI getRequestURI() {
        return request.getRequestURI();
    }

    @Override
    public boolean isUserInRole(String role) {
        return request.isUserInRole(role);
    }

    @Override
    public Object getHttpSession() {
        return request.getHttpSession();
    }

    @Override
    public Map<String, List<String>> getParameterMap() {
        return request.getParameterMap();
    }

    @Override
    public String getQueryString() {
        return request.getQueryString();
    }
}
