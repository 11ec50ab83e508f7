package dev.sockeye.ee;

import dev.sockeye.Config;
import dev.sockeye.Connection;
import dev.sockeye.EventEndpoint;
import dev.sockeye.OnConnect;
import dev.sockeye.OnDisconnect;
import dev.sockeye.SockeyeEndpoint;
import dev.sockeye.embedded.EmbeddedServer;
import dev.sockeye.spi.ClusterBus;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletException;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * When a web application stops, Sockeye's listener closes the endpoints it deployed: each open
 * connection ends with close code 1001 and its disconnect listener runs, the cluster bus stops, and
 * the registries are no longer injectable. Also when deploying them fails. Real endpoints from the
 * real initializer, served by the embedded Tyrus server to a Tyrus client; the servlet context and
 * the cluster bus (whose closing is what is observed) are recording stand-ins.
 */
class DestroyedContextClosesItsEndpointsTest {

    static final List<String> DISCONNECTED = new CopyOnWriteArrayList<>();
    static final List<String> BUSES = new CopyOnWriteArrayList<>();

    /** A config whose cluster bus records {@code start} and {@code close}. */
    public static final class RecordingCluster implements Supplier<Config> {
        @Override
        public Config get() {
            return Config.builder().cluster(path -> (ClusterBus) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ClusterBus.class}, (self, method, args) -> {
                        if (method.getName().equals("start") || method.getName().equals("close")) {
                            BUSES.add(method.getName() + " " + path);
                        }
                        return method.getReturnType() == long.class ? 0L : null;
                    })).build();
        }
    }

    @EventEndpoint(value = "/tracked", config = RecordingCluster.class)
    public static class Tracked {
        @OnConnect
        public void connect(Connection connection) {
            connection.emit("hello", connection.id());
        }

        @OnDisconnect
        public void gone(Connection connection) {
            DISCONNECTED.add(connection.id());
        }
    }

    /** A client that keeps the text frames it receives and how it was closed. */
    static final class Client extends Endpoint {
        final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        final CompletableFuture<CloseReason> closed = new CompletableFuture<>();

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) frames::add);
        }

        @Override
        public void onClose(Session session, CloseReason reason) {
            closed.complete(reason);
        }
    }

    @BeforeEach
    void clear() {
        DISCONNECTED.clear();
        BUSES.clear();
    }

    @Test
    void destroyingTheContextEndsItsConnectionsWith1001RunsDisconnectListenersAndStopsTheBus() throws Exception {
        RecordingServletContext context = new RecordingServletContext();
        new SockeyeInitializer().onStartup(Set.of(Tracked.class), context.proxy);
        SockeyeEndpoint endpoint = DeployedEndpoints.find("/tracked", context.loader);

        try (EmbeddedServer server = EmbeddedServer.builder().endpoint(endpoint).start()) {
            Client client = new Client();
            ContainerProvider.getWebSocketContainer().connectToServer(client,
                    ClientEndpointConfig.Builder.create().build(), server.uri("/tracked"));
            assertNotNull(client.frames.poll(10, TimeUnit.SECONDS), "the connection is open");
            assertEquals(1, endpoint.registry().count());

            context.deployer().contextDestroyed(new ServletContextEvent(context.proxy));

            CloseReason reason = client.closed.get(10, TimeUnit.SECONDS);
            assertEquals(CloseReason.CloseCodes.GOING_AWAY, reason.getCloseCode());
            assertEquals(List.copyOf(endpoint.registry().connections()), List.of(), "no connection is left");
            assertEquals(1, DISCONNECTED.size(), "the disconnect listener ran");
            assertEquals(List.of("start /tracked", "close /tracked"), BUSES);
            assertFalse(DeployedEndpoints.started(context.loader), "the registries are no longer injectable");
        }
    }

    @Test
    void aFailedDeploymentStopsTheBusesOfTheEndpointsItCreated() {
        RecordingServletContext context = new RecordingServletContext();
        context.attributes.put(ServerContainer.class.getName(), Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServerContainer.class}, (self, method, args) -> {
                    throw new DeploymentException("the container refuses every endpoint");
                }));

        assertThrows(IllegalStateException.class, () -> startUp(context));

        assertEquals(List.of("start /tracked", "close /tracked"), BUSES);
        assertFalse(DeployedEndpoints.started(context.loader));
    }

    private static void startUp(RecordingServletContext context) throws ServletException {
        new SockeyeInitializer().onStartup(Set.of(Tracked.class), context.proxy);
    }
}
