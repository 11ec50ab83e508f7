package dev.sockeye.ee;

import dev.sockeye.Protocol;
import dev.sockeye.SockeyeEndpoint;
import dev.sockeye.impl.protocol.neffos.ReconnectProbePaths;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers a plain HTTP {@code HEAD} on a neffos endpoint's path with {@code 302 Found}, as the
 * original neffos server does: neffos.js polls its endpoint with {@code HEAD} before it reconnects
 * (wire protocols §2.1). Every other request passes on unchanged (WebSocket upgrades are
 * {@code GET}s). A path with {@code {template}} variables is mapped by its fixed prefix and matched
 * here; an endpoint at the root path {@code /} is left alone, so as not to filter the whole
 * application.
 */
public final class ReconnectProbeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String NAME = "dev.sockeye.neffos-reconnect-probe";

    private final ReconnectProbePaths paths;

    private ReconnectProbeFilter(ReconnectProbePaths paths) {
        this.paths = paths;
    }

    /** Maps the filter at the paths of the neffos endpoints, if there is any. */
    static void register(ServletContext context, List<SockeyeEndpoint> endpoints) {
        List<SockeyeEndpoint> probed = new ArrayList<>();
        List<String> mappings = new ArrayList<>();
        for (SockeyeEndpoint endpoint : endpoints) {
            String path = endpoint.path();
            if (endpoint.protocol() != Protocol.NEFFOS || path.length() < 2) {
                continue;
            }
            int template = path.indexOf('{');
            if (template < 0) {
                mappings.add(path);
            } else {
                String prefix = path.substring(0, path.lastIndexOf('/', template));
                if (prefix.isEmpty()) {
                    continue;
                }
                mappings.add(prefix + "/*");
            }
            probed.add(endpoint);
        }
        if (mappings.isEmpty()) {
            return;
        }
        FilterRegistration.Dynamic registration =
                context.addFilter(NAME, new ReconnectProbeFilter(ReconnectProbePaths.of("", probed)));
        if (registration != null) {
            registration.addMappingForUrlPatterns(null, false, mappings.toArray(String[]::new));
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("HEAD".equals(request.getMethod()) && matches(request)) {
            response.setStatus(HttpServletResponse.SC_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean matches(HttpServletRequest request) {
        return paths.matches(request.getRequestURI().substring(request.getContextPath().length()));
    }
}
