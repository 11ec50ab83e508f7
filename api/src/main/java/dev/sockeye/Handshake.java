package dev.sockeye;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable copy of the HTTP upgrade request that opened a connection (Iris's
 * {@code Context()}). It is taken at the handshake; the container's request object is never kept.
 *
 * @param requestUri      the request URI, with the query string when there was one
 * @param headers         the request headers; names are case-insensitive ({@link #header(String)})
 * @param queryParameters the query parameters, in order, decoded
 * @param pathParameters  the values of the endpoint path's template variables
 * @param principal       the authenticated user, if the container knows one
 * @param subprotocol     the negotiated subprotocol, if any
 * @param remoteAddress   the peer's IP address, for example {@code 127.0.0.1}, where the container exposes it
 *                        (Tyrus: GlassFish, Payara and the embedded server; Undertow: WildFly); behind a
 *                        proxy it is the proxy's address
 */
public record Handshake(URI requestUri,
                        Map<String, List<String>> headers,
                        Map<String, List<String>> queryParameters,
                        Map<String, String> pathParameters,
                        Optional<Principal> principal,
                        Optional<String> subprotocol,
                        Optional<String> remoteAddress) {

    /** A handshake with no subprotocol and no known remote address. */
    public Handshake(URI requestUri, Map<String, List<String>> headers, Map<String, List<String>> queryParameters,
                     Map<String, String> pathParameters, Optional<Principal> principal) {
        this(requestUri, headers, queryParameters, pathParameters, principal, Optional.empty(), Optional.empty());
    }

    public Handshake {
        headers = MultiValueMap.headers(headers);
        queryParameters = MultiValueMap.parameters(queryParameters);
        // an empty map's entry set is not asked for: the container's map would cache one per connection
        pathParameters = pathParameters.isEmpty() ? Map.of() : Map.copyOf(pathParameters);
    }

    /** @return the first value of a header, matched case-insensitively */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** @return the first value of a query parameter */
    public Optional<String> queryParameter(String name) {
        List<String> values = queryParameters.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** @return the {@code Origin} header, as a browser sends it; absent for most non-browser clients */
    public Optional<String> origin() {
        return header("Origin");
    }

    /** @return the {@code Host} header, lower-cased */
    public Optional<String> host() {
        return header("Host").map(h -> h.toLowerCase(Locale.ROOT));
    }
}
