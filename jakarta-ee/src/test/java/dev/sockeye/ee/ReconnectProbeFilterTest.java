package dev.sockeye.ee;

import dev.sockeye.Config;
import dev.sockeye.EventEndpoint;
import dev.sockeye.neffos.NeffosController;
import dev.sockeye.OnEvent;
import dev.sockeye.Protocol;
import dev.sockeye.Sockeye;
import dev.sockeye.SockeyeEndpoint;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * neffos.js polls its endpoint with HEAD before it reconnects: the filter, mapped at the neffos
 * endpoints' paths only, answers it 302 and lets every other request through.
 */
class ReconnectProbeFilterTest {

    @EventEndpoint(value = "/neffos", protocol = Protocol.NEFFOS)
    @NeffosController("default")
    public static class Echo {
        @OnEvent("echo")
        public String echo(String text) {
            return text;
        }
    }

    @EventEndpoint(value = "/rooms/{room}", protocol = Protocol.NEFFOS)
    @NeffosController("default")
    public static class Rooms {
        @OnEvent("echo")
        public String echo(String text) {
            return text;
        }
    }

    private final List<String> mappings = new ArrayList<>();
    private ReconnectProbeFilter filter;

    private void register(SockeyeEndpoint... endpoints) {
        FilterRegistration.Dynamic registration = (FilterRegistration.Dynamic) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {FilterRegistration.Dynamic.class}, (self, method, args) -> {
                    if (method.getName().equals("addMappingForUrlPatterns")) {
                        mappings.addAll(List.of((String[]) args[2]));
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        ServletContext context = (ServletContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServletContext.class}, (self, method, args) -> {
                    if (method.getName().equals("addFilter") && args[1] instanceof ReconnectProbeFilter added) {
                        filter = added;
                        return registration;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        ReconnectProbeFilter.register(context, List.of(endpoints));
    }

    /** @return the status set by the filter, or -1 when it passed the request on */
    private int status(String method, String uri) throws Exception {
        AtomicInteger status = new AtomicInteger(-1);
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (self, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI" -> "/app" + uri;
                    case "getContextPath" -> "/app";
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (self, m, args) -> {
                    if (m.getName().equals("setStatus")) {
                        status.set((Integer) args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        FilterChain chain = (req, res) -> status.set(-1);
        filter.doFilter(request, response, chain);
        return status.get();
    }

    @Test
    void headOnANeffosPathAnswers302AndEverythingElsePasses() throws Exception {
        register(Sockeye.endpoints(Echo.class, Rooms.class).toArray(SockeyeEndpoint[]::new));
        assertEquals(List.of("/neffos", "/rooms/*"), mappings);
        assertEquals(302, status("HEAD", "/neffos"));
        assertEquals(302, status("HEAD", "/rooms/lobby"));
        assertEquals(-1, status("GET", "/neffos"), "upgrades are GETs: passed on");
        assertEquals(-1, status("HEAD", "/rooms/lobby/more"), "not the template's shape");
        assertEquals(-1, status("HEAD", "/rooms/"));
    }

    @Test
    void irisEndpointsGetNoFilter() {
        register(Sockeye.endpoint("/iris", Config.defaults(), connection -> { }));
        assertNull(filter);
        assertEquals(List.of(), mappings);
    }
}
