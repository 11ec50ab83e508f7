package dev.sockeye.spi;

import dev.sockeye.Handshake;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether a handshake's {@code Origin} may open a connection (Iris's {@code CheckOrigin}).
 * A refused handshake gets HTTP 403 and never becomes a connection.
 *
 * <p>Implementations must be thread-safe: handshakes are checked concurrently.
 */
@FunctionalInterface
public interface OriginPolicy {

    /** @return whether the handshake may proceed */
    boolean allows(Handshake handshake);

    /**
     * The default: a request without an {@code Origin} header (a non-browser client) is allowed; a
     * browser request is allowed when its origin's host and port equal the {@code Host} header
     * (same origin) or when the origin is in {@code allowedOrigins} (compared case-insensitively,
     * as {@code scheme://host[:port]}).
     */
    static OriginPolicy sameOrigin(Set<String> allowedOrigins) {
        return sameOrigin(allowedOrigins, true);
    }

    /**
     * Like {@link #sameOrigin(Set)}, and decides whether a request without an {@code Origin} header
     * (a non-browser client) is accepted: with {@code false} only browsers of an accepted origin connect.
     */
    static OriginPolicy sameOrigin(Set<String> allowedOrigins, boolean allowMissingOrigin) {
        Set<String> allowed = allowedOrigins.stream()
                .map(o -> o.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        return handshake -> handshake.origin().map(origin -> {
            String normalized = origin.trim().toLowerCase(Locale.ROOT);
            if (allowed.contains(normalized)) {
                return true;
            }
            return handshake.host().map(host -> sameHost(normalized, host)).orElse(false);
        }).orElse(allowMissingOrigin);
    }

    /** Allows every origin. Unsafe for browser clients that carry cookies: any web page can connect as the user. */
    static OriginPolicy allowAll() {
        return handshake -> true;
    }

    private static boolean sameHost(String origin, String host) {
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null) {
                return false;
            }
            int port = uri.getPort();
            if (port == -1) {
                port = "https".equals(uri.getScheme()) ? 443 : 80;
            }
            String hostHeader = host.trim();
            int defaultPort = "https".equals(uri.getScheme()) ? 443 : 80;
            String expected = uri.getHost() + ":" + port;
            String actual = hostHeader.contains(":") && !hostHeader.endsWith("]") ? hostHeader : hostHeader + ":" + defaultPort;
            return expected.equals(actual);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
