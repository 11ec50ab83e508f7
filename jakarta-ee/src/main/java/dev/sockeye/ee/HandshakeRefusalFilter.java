package dev.sockeye.ee;

import dev.sockeye.impl.handshake.RefusalRelay;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.EnumSet;

/**
 * Answers a refused handshake (origin policy, authorizer, ID check) with its HTTP status on a
 * container whose handshake response cannot carry one: Undertow, in WildFly. Mapped at {@code /*}
 * ahead of every other filter, so that it wraps the container's own WebSocket filter; for an
 * upgrade request it opens a {@link RefusalRelay} scope, in which Sockeye's configurator throws the
 * refusal before the container has written anything, and answers it with {@code sendError}. The
 * handshake hooks run once, in the configurator, as on every other container. Other requests, and
 * upgrades on Tyrus-based containers (which take the status from the handshake response), pass
 * through unchanged.
 */
public final class HandshakeRefusalFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String NAME = "dev.sockeye.handshake-refusal";

    /** Maps the filter at {@code /*}, before the filters mapped so far and the container's own. */
    static void register(ServletContext context) {
        FilterRegistration.Dynamic registration = context.addFilter(NAME, new HandshakeRefusalFilter());
        if (registration != null) {
            registration.setAsyncSupported(true);
            registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getHeader("Upgrade") == null) {
            chain.doFilter(request, response);
            return;
        }
        try (RefusalRelay.Scope scope = RefusalRelay.open()) {
            chain.doFilter(request, response);
        } catch (RefusalRelay.Refusal refusal) {
            // Undertow had only marked the exchange for an upgrade (status 101, upgrade headers):
            // reset drops that, and the connection ends with the error response.
            response.reset();
            response.setHeader("Connection", "close");
            response.sendError(refusal.status());
        }
    }
}
