package dev.sockeye.ee;

import dev.sockeye.Config;
import dev.sockeye.Connection;
import dev.sockeye.EventEndpoint;
import dev.sockeye.neffos.NeffosController;
import dev.sockeye.OnConnect;
import dev.sockeye.OnEvent;
import dev.sockeye.Protocol;
import dev.sockeye.impl.client.IrisClientScript;
import dev.sockeye.impl.client.SockeyeClientScript;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static java.nio.charset.StandardCharsets.UTF_8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The initializer deploys at once when the ServerContainer attribute is set, falls back to its
 * listener when it is not (the Tyrus initializer-order case), fails whole on any invalid class,
 * and maps the script servlets, which serve both browser clients rendered for the Iris endpoints'
 * prefix. The servlet context, container, request and response are recording stand-ins.
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

    public static final class AppEvents implements Supplier<Config> {
        @Override
        public Config get() {
            return Config.builder().messagePrefix("app-events:").build();
        }
    }

    public static final class OtherEvents implements Supplier<Config> {
        @Override
        public Config get() {
            return Config.builder().messagePrefix("other-events:").build();
        }
    }

    @EventEndpoint(value = "/a", config = AppEvents.class)
    public static class PrefixedA {
    }

    @EventEndpoint(value = "/b", config = AppEvents.class)
    public static class PrefixedB {
    }

    @EventEndpoint(value = "/c", config = OtherEvents.class)
    public static class OtherPrefix {
    }

    /** A neffos endpoint with the default config: its frames have no event prefix. */
    @EventEndpoint(value = "/neffos", protocol = Protocol.NEFFOS)
    @NeffosController("default")
    public static class NeffosEcho {
        @OnEvent("echo")
        public String echo(String text) {
            return text;
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
        RecordingServletContext context = new RecordingServletContext();
        List<String> deployed = new ArrayList<>();
        context.attributes.put(ServerContainer.class.getName(), recording(deployed));

        new SockeyeInitializer().onStartup(classes(Two.class, One.class), context.proxy);

        assertEquals(List.of("/one", "/two"), deployed);
        context.deployer().contextInitialized(new ServletContextEvent(context.proxy));
        assertEquals(List.of("/one", "/two"), deployed, "the listener does not deploy twice");
    }

    @Test
    void deploysFromTheListenerWhenTheServerContainerComesLater() throws ServletException {
        RecordingServletContext context = new RecordingServletContext();
        List<String> deployed = new ArrayList<>();

        new SockeyeInitializer().onStartup(classes(One.class), context.proxy);
        assertEquals(List.of(), deployed, "no container yet");

        context.attributes.put(ServerContainer.class.getName(), recording(deployed));
        context.deployer().contextInitialized(new ServletContextEvent(context.proxy));
        assertEquals(List.of("/one"), deployed);
    }

    @Test
    void failsWhenTheContainerNeverProvidesWebSocket() throws ServletException {
        RecordingServletContext context = new RecordingServletContext();
        new SockeyeInitializer().onStartup(classes(One.class), context.proxy);

        ServletContextListener listener = (ServletContextListener) context.listeners.get(0);
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> listener.contextInitialized(new ServletContextEvent(context.proxy)));
        assertTrue(failure.getMessage().contains("jakarta.websocket.server.ServerContainer"), failure.getMessage());
    }

    @Test
    void oneInvalidClassFailsTheWholeStartUpAndDeploysNothing() {
        RecordingServletContext context = new RecordingServletContext();
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
        RecordingServletContext context = new RecordingServletContext();
        context.attributes.put(ServerContainer.class.getName(), recording(new ArrayList<>()));

        new SockeyeInitializer().onStartup(classes(One.class), context.proxy);

        assertEquals(Map.of("/iris-ws.js", "dev.sockeye.iris-ws.js", "/sockeye.js", "dev.sockeye.sockeye.js"), context.mappings);
        assertTrue(context.servlets.values().stream().allMatch(ClientScriptServlet.class::isInstance), context.servlets.toString());
        ClassLoader child = new ClassLoader(context.loader) { }; // a loader below the application's finds it too
        assertEquals("/one", DeployedEndpoints.find("/one", null, child).path());
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> DeployedEndpoints.find("/nope", context.loader));
        assertTrue(missing.getMessage().contains("its endpoints: [/one]"), missing.getMessage());

        context.deployer().contextDestroyed(new ServletContextEvent(context.proxy));
        IllegalStateException forgotten = assertThrows(IllegalStateException.class, () -> DeployedEndpoints.find("/one", context.loader),
                "forgotten when the context is destroyed");
        assertTrue(forgotten.getMessage().contains("this application's endpoints are not deployed"), forgotten.getMessage());
    }

    /** What a script servlet answered to a GET. */
    private record Answer(int status, Map<String, String> headers, String body) {
    }

    private static Answer get(Object servlet, String ifNoneMatch) throws Exception {
        Map<String, String> headers = new HashMap<>();
        int[] status = {200};
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void write(int b) {
                body.write(b);
            }
        };
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(SockeyeInitializerTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (self, method, args) -> {
                    if (method.getName().equals("getHeader")) {
                        return args[0].equals("If-None-Match") ? ifNoneMatch : null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(SockeyeInitializerTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (self, method, args) -> switch (method.getName()) {
                    case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                    case "setContentType" -> headers.put("Content-Type", (String) args[0]);
                    case "setContentLength" -> headers.put("Content-Length", String.valueOf(args[0]));
                    case "setStatus" -> {
                        status[0] = (Integer) args[0];
                        yield null;
                    }
                    case "getOutputStream" -> out;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        ((ClientScriptServlet) servlet).doGet(request, response);
        return new Answer(status[0], headers, body.toString(UTF_8));
    }

    /** Starts the initializer on the classes and returns what its script servlets serve, by path. */
    private static Map<String, Answer> scripts(Class<?>... types) throws Exception {
        RecordingServletContext context = new RecordingServletContext();
        context.attributes.put(ServerContainer.class.getName(), recording(new ArrayList<>()));
        new SockeyeInitializer().onStartup(classes(types), context.proxy);
        Map<String, Answer> served = new HashMap<>();
        for (Map.Entry<String, String> mapping : context.mappings.entrySet()) {
            served.put(mapping.getKey(), get(context.servlets.get(mapping.getValue()), null));
        }
        return served;
    }

    @Test
    void bothScriptsSpeakThePrefixTheIrisEndpointsAgreeOn() throws Exception {
        Map<String, Answer> served = scripts(PrefixedA.class, PrefixedB.class, NeffosEcho.class);

        assertEquals(Set.of("/iris-ws.js", "/sockeye.js"), served.keySet());
        assertEquals(IrisClientScript.render("app-events:"), served.get("/iris-ws.js").body());
        assertEquals(SockeyeClientScript.render("app-events:"), served.get("/sockeye.js").body());
        assertTrue(served.get("/sockeye.js").body().contains("const DEFAULT_PREFIX = \"app-events:\";"));
        for (Answer answer : served.values()) {
            assertEquals(200, answer.status());
            assertEquals("application/javascript;charset=UTF-8", answer.headers().get("Content-Type"));
            assertEquals(String.valueOf(answer.body().getBytes(UTF_8).length), answer.headers().get("Content-Length"));
            assertEquals("no-cache", answer.headers().get("Cache-Control"));
        }
    }

    @Test
    void withoutAgreementOrWithoutIrisEndpointsTheScriptsSpeakTheDefaultPrefix() throws Exception {
        for (Class<?>[] types : List.of(new Class<?>[] {PrefixedA.class, OtherPrefix.class}, new Class<?>[] {NeffosEcho.class})) {
            Map<String, Answer> served = scripts(types);

            assertEquals(IrisClientScript.render(Config.DEFAULT_MESSAGE_PREFIX), served.get("/iris-ws.js").body(), List.of(types).toString());
            assertEquals(SockeyeClientScript.render(Config.DEFAULT_MESSAGE_PREFIX), served.get("/sockeye.js").body(), List.of(types).toString());
        }
    }

    @Test
    void aScriptTheBrowserHoldsAlreadyIsAnswered304() throws Exception {
        ClientScriptServlet servlet = new ClientScriptServlet(ClientScriptServlet.Script.SOCKEYE, "app-events:");
        Answer first = get(servlet, null);
        String etag = first.headers().get("ETag");

        Answer again = get(servlet, etag);

        assertEquals(304, again.status());
        assertEquals("", again.body());
        assertEquals(etag, again.headers().get("ETag"));
        assertEquals(200, get(servlet, "\"stale\"").status());
        assertFalse(etag.equals(get(new ClientScriptServlet(ClientScriptServlet.Script.SOCKEYE, "other:"), null).headers().get("ETag")),
                "another prefix, another ETag");
    }

    @Test
    void eachScriptServletCanBeTurnedOffByItsContextParameter() throws ServletException {
        for (String parameter : List.of(SockeyeInitializer.SCRIPT_PARAMETER, SockeyeInitializer.SOCKEYE_SCRIPT_PARAMETER)) {
            RecordingServletContext context = new RecordingServletContext();
            context.attributes.put(ServerContainer.class.getName(), recording(new ArrayList<>()));
            context.initParameters.put(parameter, "false");

            new SockeyeInitializer().onStartup(classes(One.class), context.proxy);

            String remaining = parameter.equals(SockeyeInitializer.SCRIPT_PARAMETER) ? "/sockeye.js" : "/iris-ws.js";
            assertEquals(Set.of(remaining), context.mappings.keySet(), parameter + "=false");
        }
    }

    @Test
    void mapsTheRefusalFilterAtEveryPathAheadOfTheContainersFilters() throws ServletException {
        RecordingServletContext context = new RecordingServletContext();
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
