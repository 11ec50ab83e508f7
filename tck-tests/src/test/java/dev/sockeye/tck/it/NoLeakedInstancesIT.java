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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * 1,000 connections open and close on a CDI endpoint of each per-connection kind (a non-bean class
 * injected through {@code Unmanaged}, and a {@code @Dependent} bean): every instance that was
 * constructed is destroyed ({@code @PreDestroy}) when its connection ends, and the registry is empty.
 * {@code -Dsockeye.it.leakConnections=10000} runs more. The connections are
 * {@link dev.sockeye.client.SockeyeClient}s, each closed with 1000 once its first event arrived.
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
            Map<String, Integer> copy = new java.util.TreeMap<>();
            counts.forEach((k, v) -> copy.put(k, v.get()));
            return copy;
        }
    }

    @EventEndpoint("/plain")
    public static class PlainEndpoint {
        @Inject
        Lifecycles lifecycles;

        @PostConstruct
        void created() {
            lifecycles.count("plain-created");
        }

        @PreDestroy
        void destroyed() {
            lifecycles.count("plain-destroyed");
        }

        @OnConnect
        public void open(Connection connection) {
            connection.emit("open", "");
        }
    }

    @Dependent
    @EventEndpoint("/dependent")
    public static class DependentEndpoint {
        @Inject
        Lifecycles lifecycles;

        @PostConstruct
        void created() {
            lifecycles.count("dependent-created");
        }

        @PreDestroy
        void destroyed() {
            lifecycles.count("dependent-destroyed");
        }

        @OnConnect
        public void open(Connection connection) {
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

        @OnEvent("stats")
        public String stats() {
            return lifecycles.snapshot() + " open=" + (plain.count() + dependent.count());
        }
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.war("leaks", Lifecycles.class, PlainEndpoint.class, DependentEndpoint.class, StatsEndpoint.class);
    }

    @ArquillianResource
    private URL base;

    @Test
    void everyPerConnectionInstanceIsDestroyedWhenItsConnectionEnds() throws Exception {
        cycle("/plain");
        cycle("/dependent");

        String expected = "{dependent-created=" + CONNECTIONS + ", dependent-destroyed=" + CONNECTIONS
                + ", plain-created=" + CONNECTIONS + ", plain-destroyed=" + CONNECTIONS + "} open=0";
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
