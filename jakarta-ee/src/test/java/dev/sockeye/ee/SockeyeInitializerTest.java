package dev.sockeye.ee;

import dev.sockeye.Connection;
import dev.sockeye.EventEndpoint;
import dev.sockeye.OnConnect;
import dev.sockeye.OnEvent;

import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The initializer deploys at once when the ServerContainer attribute is set, falls back to its
 * listener when it is not (the Tyrus initializer-order case), fails whole on any invalid class,
 * and maps the script servlet. The servlet context and container are recording stand-ins.
 */
class SockeyeInitializerTest {

    @EventEndpoint("/one")
    public static class One {
        @OnEvent("ping")
        public String ping() {
            return "pong";
        }
    }

    @EventEndpoint("/two")
    public static class Two {
        @OnConnect
        public void connect(Connection connection) {
        }
    }

    @EventEndpoint("/broken")
    public static class Broken {
        @OnConnect
        public String connect(Connection connection, int nonsense) {
            return "";
        }
    }

    /** A servlet context that records listeners and servlets; its attributes are a plain map. */
    private static final class Context {
        final Map<String, Object> attributes = new HashMap<>();
        final List<Object> listeners = new ArrayList<>();
        final Map<String, Object> servlets = new HashMap<>();
        final Map<String, String> mappings = new HashMap<>();
        /** The application's class loader: one per context, as in a container. */
        final ClassLoader loader = new ClassLoader(SockeyeInitializerTest.class.getClassLoader()) { };
        final ServletContext proxy = (ServletContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServletContext.class}, (self, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "getClassLoader" -> loader;
                    case "getContextPath" -> "/app";
                    case "getInitParameter" -> null;
                    case "addListener" -> listeners.add(args[0]) ? null : null;
                    case "addServlet" -> registration((String) args[0], args[1]);
                    case "addFilter" -> filter((String) args[0], args[1]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });

        /** Filter name to "isMatchAfter patterns", as the filter was mapped. */
        final Map<String, String> filterMappings = new HashMap<>();

        private FilterRegistration.Dynamic filter(String name, Object filter) {
            return (FilterRegistration.Dynamic) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {FilterRegistration.Dynamic.class}, (self, method, args) -> switch (method.getName()) {
                        case "setAsyncSupported" -> null;
                        case "addMappingForUrlPatterns" -> filterMappings.put(name + "=" + filter.getClass().getSimpleName(),
                                (((Boolean) args[1]) ? "after " : "before ") + List.of((String[]) args[2]));
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        private ServletRegistration.Dynamic registration(String name, Object servlet) {
            servlets.put(name, servlet);
            return (ServletRegistration.Dynamic) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ServletRegistration.Dynamic.class}, (self, method, args) -> {
                        if (method.getName().equals("addMapping")) {
                            for (String pattern : (String[]) args[0]) {
                                mappings.put(pattern, name);
                            }
                            return Set.of();
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    /** A WebSocket container that records the paths it was given. */
    private static ServerContainer recording(List<String> paths) {
        return (ServerContainer) Proxy.newProxyInstance(SockeyeInitializerTest.class.getClassLoader(),
                new Class<?>[] {ServerContainer.class}, (self, method, args) -> {
                    if (method.getName().equals("addEndpoint") && args[0] instanceof ServerEndpointConfig config) {
                        paths.add(config.getPath());
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Set<Class<?>> classes(Class<?>... types) {
        return new LinkedHashSet<>(List.of(types));
    }

    @Test
    void deploysAtOnceWhenTheServerContainerIsThere() throws ServletException {
        Context context = new Context();
        List<String> deployed = new ArrayList<>();
        context.attributes.put(ServerContainer.class.getName(), recording(deployed));

        new SockeyeInitializer().onStartup(classes(Two.class, One.class), context.proxy);

        assertEquals(List.of("/one", "/two"), deployed);
        ((ServletContextListener) context.listeners.get(0)).contextInitialized(new ServletContextEvent(context.proxy));
        assertEquals(List.of("/one", "/two"), deployed, "the listener does not deploy twice");
    }

    @Test
    void deploysFromTheListenerWhenTheServerContainerComesLater() throws ServletException {
        Context context = new Context();
        List<String> deployed = new ArrayList<>();

        new SockeyeInitializer().onStartup(classes(One.class), context.proxy);
        assertEquals(List.of(), deployed, "no container yet");

        context.attributes.put(ServerContainer.class.getName(), recording(deployed));
        ((ServletContextListener) context.listeners.get(0)).contextInitialized(new ServletContextEvent(context.proxy));
        assertEquals(List.of("/one"), deployed);
    }

    @Test
    void failsWhenTheContainerNeverProvidesWebSocket() throws ServletException {
        Context context = new Context();
        new SockeyeInitializer().onStartup(classes(One.class), context.proxy);

        ServletContextListener listener = (ServletContextListener) context.listeners.get(0);
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> listener.contextInitialized(new ServletContextEvent(context.proxy)));
        assertTrue(failure.getMessage().contains("jakarta.websocket.server.ServerContainer"), failure.getMessage());
    }

    @Test
    void oneInvalidClassFailsTheWholeStartUpAndDeploysNothing() {
        Context context = new Context();
        List<String> deployed = new ArrayList<>();
        context.attributes.put(ServerContainer.class.getName(), recording(deployed));

        ServletException failure = assertThrows(ServletException.class,
                () -> new SockeyeInitializer().onStartup(classes(One.class, Broken.class), context.proxy));

        assertEquals(List.of(), deployed);
        assertTrue(failure.getMessage().startsWith("Sockeye: 1 of 2 endpoint classes cannot be deployed; nothing was deployed"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("Broken.connect(Connection, int): parameter 2 (int nonsense) is not accepted"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("Broken.connect(Connection, int) returns String; @OnConnect may return void"),
                failure.getMessage());
    }

    @Test
    void mapsTheScriptServletAndMakesTheRegistriesFindable() throws ServletException {
        Context context = new Context();
        context.attributes.put(ServerContainer.class.getName(), recording(new ArrayList<>()));

        new SockeyeInitializer().onStartup(classes(One.class), context.proxy);

        assertEquals(Map.of("/iris-ws.js", "dev.sockeye.iris-ws.js"), context.mappings);
        assertTrue(context.servlets.values().iterator().next() instanceof IrisScriptServlet);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(context.loader); // as on the application's threads
        try {
            assertEquals("/one", DeployedEndpoints.find("/one").path());
            IllegalStateException missing = assertThrows(IllegalStateException.class, () -> DeployedEndpoints.find("/nope"));
            assertTrue(missing.getMessage().contains("its endpoints: [/one]"), missing.getMessage());

            ((ServletContextListener) context.listeners.get(0)).contextDestroyed(new ServletContextEvent(context.proxy));
            assertThrows(IllegalStateException.class, () -> DeployedEndpoints.find("/one"), "forgotten when the context is destroyed");
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Test
    void mapsTheRefusalFilterAtEveryPathAheadOfTheContainersFilters() throws ServletException {
        Context context = new Context();
        context.attributes.put(ServerContainer.class.getName(), recording(new ArrayList<>()));

        new SockeyeInitializer().onStartup(classes(One.class), context.proxy);

        assertEquals(Map.of("dev.sockeye.handshake-refusal=HandshakeRefusalFilter", "before [/*]"), context.filterMappings);
    }

    @Test
    void withoutARunningCdiContainerTheCdiProviderDeclines() throws Exception {
        assertFalse(CdiPresence.cdiRunning(), "the CDI API is here, but no container runs");
        assertTrue(new CdiEndpointInstances().factory(One.class).isEmpty(), "instances then come from the constructor");
    }
}
