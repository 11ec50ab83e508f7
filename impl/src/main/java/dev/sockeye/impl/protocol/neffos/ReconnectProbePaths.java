package dev.sockeye.impl.protocol.neffos;

import dev.sockeye.Protocol;
import dev.sockeye.SockeyeEndpoint;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The request paths on which a plain HTTP {@code HEAD} is the reconnect probe of neffos.js (wire
 * protocols §2.1): the paths of the neffos endpoints, below a context path. A {@code {template}}
 * variable matches one non-empty path segment, as the endpoint's own path does; an endpoint at
 * {@code /} is probed at the context path, with or without its trailing {@code /}. Iris-protocol
 * endpoints have no probe. Immutable, thread-safe, serializable (a servlet filter holds one).
 */
public final class ReconnectProbePaths implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Pattern TEMPLATE = Pattern.compile("\\{[^}/]+}");

    private final List<Pattern> patterns;

    private ReconnectProbePaths(List<Pattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /**
     * @param contextPath the path the endpoints are deployed below ({@code ""} or {@code /} for none)
     * @param endpoints   the endpoints; only the neffos ones count
     */
    public static ReconnectProbePaths of(String contextPath, Collection<? extends SockeyeEndpoint> endpoints) {
        String context = contextPath.endsWith("/") ? contextPath.substring(0, contextPath.length() - 1) : contextPath;
        List<Pattern> patterns = new ArrayList<>();
        for (SockeyeEndpoint endpoint : endpoints) {
            if (endpoint.protocol() == Protocol.NEFFOS) {
                patterns.add(pattern(context, endpoint.path()));
            }
        }
        return new ReconnectProbePaths(patterns);
    }

    private static Pattern pattern(String context, String path) {
        if (path.equals("/")) {
            return Pattern.compile(context.isEmpty() ? "/" : Pattern.quote(context) + "/?");
        }
        String[] fixed = TEMPLATE.split(path, -1);
        StringBuilder regex = new StringBuilder(Pattern.quote(context + fixed[0]));
        for (int i = 1; i < fixed.length; i++) {
            regex.append("[^/]+").append(Pattern.quote(fixed[i]));
        }
        return Pattern.compile(regex.toString());
    }

    /** @return whether there is no neffos endpoint, so no probe to answer */
    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    /** @return whether a {@code HEAD} on {@code requestPath} (the path of the request URI, without query) is a probe */
    public boolean matches(String requestPath) {
        for (Pattern pattern : patterns) {
            if (pattern.matcher(requestPath).matches()) {
                return true;
            }
        }
        return false;
    }
}
