package dev.sockeye.tck.it;

import dev.sockeye.Connection;
import dev.sockeye.ConnectionRegistry;
import dev.sockeye.EventEndpoint;
import dev.sockeye.OnConnect;
import dev.sockeye.OnEvent;
import dev.sockeye.ee.EndpointPath;
import dev.sockeye.tck.EventClient;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * 1,000 connections open and close on a CDI endpoint of each lifecycle: on the per-connection kinds
 * (a non-bean class injected through {@code Unmanaged}, and a {@code @Dependent} bean) every
 * instance that was constructed is destroyed ({@code @PreDestroy}) when its connection ends, and so
 * is the {@code @Dependent} bean injected into it, which only happens when the instance is disposed
 * with its creational context (a missing {@code dispose()} or {@code destroy} leaks it); the
 * {@code @ApplicationScoped} endpoint's one instance serves every connection and is never destroyed
 * by one ending. Each connection joins two rooms; afterwards the registries hold no connection and
 * no room (not even a connection's own-ID room). {@code -Dsockeye.it.leakConnections=10000} runs
 * more. The connections are {@link dev.sockeye.client.SockeyeClient}s, each closed with 1000 once
 * its first event arrived.
 */
@ExtendWith(ArquillianExtension.class)
class NoLeakedInstancesIT {

    private static final int CONNECTIONS = Integer.getInteger("sockeye.it.leakConnections", 1_000);
    private static final int BATCH = 50;

    @ApplicationScoped
    public static class Lifecycles {
        private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

        void count(String what) {
            counts.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
        }

        public Map<String, Integer> snapshot() {
            Map<String, Integer> copy = new TreeMap<>();
            counts.forEach((k, v) -> copy.put(k, v.get()));
            return copy;
        }
    }

    /**
     * A dependent object of each per-connection instance: CDI destroys it ({@code @PreDestroy}) only
     * when its owner's creational context is released, which is what disposing the owner does.
     */
    @Dependent
    public static class Dependency {
        @Inject
        Lifecycles lifecycles;
        private String owner;

        void ownedBy(String owner) {
            this.owner = owner;
            lifecycles.count(owner + "-dependency-created");
        }

        @PreDestroy
        void destroyed() {
            lifecycles.count(owner + "-dependency-destroyed");
        }
    }

    @EventEndpoint("/plain")
    public static class PlainEndpoint {
        @Inject
        Lifecycles lifecycles;
        @Inject
        Dependency dependency;

        @PostConstruct
        void created() {
            lifecycles.count("plain-created");
            dependency.ownedBy("plain");
        }

        @PreDestroy
        void destroyed() {
            lifecycles.count("plain-destroyed");
        }

        @OnConnect
        public void open(Connection connection) {
            Rooms.join(connection);
        }
    }

    @Dependent
    @EventEndpoint("/dependent")
    public static class DependentEndpoint {
        @Inject
        Lifecycles lifecycles;
        @Inject
        Dependency dependency;

        @PostConstruct
        void created() {
            lifecycles.count("dependent-created");
            dependency.ownedBy("dependent");
        }

        @PreDestroy
        void destroyed() {
            lifecycles.count("dependent-destroyed");
        }

        @OnConnect
        public void open(Connection connection) {
            Rooms.join(connection);
        }
    }

    /** One instance for every connection: created once, and not destroyed when a connection ends. */
    @ApplicationScoped
    @EventEndpoint("/shared")
    public static class SharedEndpoint {
        @Inject
        Lifecycles lifecycles;

        @PostConstruct
        void created() {
            lifecycles.count("shared-created");
        }

        @PreDestroy
        void destroyed() {
            lifecycles.count("shared-destroyed");
        }

        @OnConnect
        public void open(Connection connection) {
            lifecycles.count("shared-connected");
            Rooms.join(connection);
        }
    }

    /** Each connection joins a room of all and one of ten, and is told so; the rooms must go with the connections. */
    public static final class Rooms {
        private static final AtomicInteger JOINED = new AtomicInteger();

        static void join(Connection connection) {
            connection.join("lobby");
            connection.join("table-" + JOINED.incrementAndGet() % 10);
            connection.emit("open", "");
        }
    }

    @ApplicationScoped
    @EventEndpoint("/stats")
    public static class StatsEndpoint {
        @Inject
        Lifecycles lifecycles;
        @Inject
        @EndpointPath("/plain")
        ConnectionRegistry plain;
        @Inject
        @EndpointPath("/dependent")
        ConnectionRegistry dependent;
        @Inject
        @EndpointPath("/shared")
        ConnectionRegistry shared;

        @OnEvent("stats")
        public String stats() {
            List<ConnectionRegistry> registries = List.of(plain, dependent, shared);
            return lifecycles.snapshot() + " open=" + registries.stream().mapToInt(ConnectionRegistry::count).sum()
                    + " rooms=" + registries.stream().flatMap(registry -> registry.rooms().stream()).sorted().toList();
        }
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.war("leaks", Lifecycles.class, Dependency.class, PlainEndpoint.class, DependentEndpoint.class, SharedEndpoint.class,
                Rooms.class, StatsEndpoint.class);
    }

    @ArquillianResource
    private URL base;

    @Test
    void perConnectionInstancesAreDestroyedTheSharedOneIsNotAndNoRoomIsLeft() throws Exception {
        cycle("/plain");
        cycle("/dependent");
        cycle("/shared");

        Map<String, Integer> counts = new TreeMap<>();
        for (String kind : List.of("plain", "dependent")) {
            for (String event : List.of("created", "destroyed", "dependency-created", "dependency-destroyed")) {
                counts.put(kind + "-" + event, CONNECTIONS);
            }
        }
        counts.put("shared-connected", CONNECTIONS);
        counts.put("shared-created", 1);
        String expected = counts + " open=0 rooms=[]";
        try (EventClient stats = EventClient.to(Urls.ws(base, "/stats")).record("stats", String.class).connect()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            String last;
            do {
                stats.emit("stats", "");
                last = stats.next("stats", String.class);
                if (last.equals(expected)) {
                    break;
                }
                Thread.sleep(100);
            } while (System.nanoTime() < deadline);
            assertEquals(expected, last);
        }
    }

    /** Opens the connections, {@value #BATCH} at a time, each fully open before it is closed. */
    private void cycle(String path) throws Exception {
        for (int done = 0; done < CONNECTIONS; done += BATCH) {
            List<EventClient> batch = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                batch.add(EventClient.to(Urls.ws(base, path)).record("open", String.class).connect());
            }
            for (EventClient client : batch) {
                assertEquals("", client.next("open", String.class));
                client.close();
                assertEquals(CloseReason.CloseCodes.NORMAL_CLOSURE, client.awaitClose().getCloseCode());
            }
        }
    }
}
