package dev.sockeye.tck.it;

import dev.sockeye.Config;
import dev.sockeye.Connection;
import dev.sockeye.EventEndpoint;
import dev.sockeye.OnConnect;
import dev.sockeye.OnEvent;
import dev.sockeye.tck.EventClient;
import dev.sockeye.tck.FixedRate;
import dev.sockeye.tck.RawWebSocket;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code readTimeout} in a container (the embedded counterpart is {@code ReadTimeoutTest}): a
 * connection with no incoming frame for 500 ms is closed with 1001 after leaving its rooms and
 * disconnecting, each once; a {@link dev.sockeye.client.SockeyeClient} that sends an event every
 * 200 ms stays connected and every event is handled. Pings are off, so only the read timeout can
 * end a connection.
 */
@ExtendWith(ArquillianExtension.class)
class ReadTimeoutIT {

    private static final Duration READ_TIMEOUT = Duration.ofMillis(500);
    /**
     * The latest acceptable close after the upgrade: the timeout, its check interval (125 ms) and
     * 2.4 s for Sockeye's timer thread and the container's I/O on a loaded two-core machine; a
     * server that never closed fails long before the frame wait.
     */
    private static final Duration LATEST_CLOSE = Duration.ofSeconds(3);
    private static final Duration ACTIVE_WINDOW = Duration.ofSeconds(2);
    private static final Duration SEND_EVERY = Duration.ofMillis(200);

    public static final class ShortReadTimeout implements Supplier<Config> {
        @Override
        public Config get() {
            return Config.builder().readTimeout(READ_TIMEOUT).pingPeriod(Duration.ZERO)
                    .idGenerator(handshake -> handshake.queryParameter("user").orElseGet(() -> UUID.randomUUID().toString()))
                    .build();
        }
    }

    @EventEndpoint(value = "/read", config = ShortReadTimeout.class)
    public static class ReadEndpoint {
        static final Map<String, AtomicInteger> TICKS = new ConcurrentHashMap<>();

        @OnConnect
        public void open(Connection connection) {
            if (!ConnectionLog.isObserver(connection)) {
                connection.join("r1");
                ConnectionLog.watch(connection);
            }
        }

        @OnEvent("tick")
        public void tick(Connection connection) {
            TICKS.computeIfAbsent(connection.id(), id -> new AtomicInteger()).incrementAndGet();
        }

    }

    /** Where the test asks what the server heard: without the read timeout, so that it may stay idle. */
    @EventEndpoint("/read-observer")
    public static class ObserverEndpoint {
        @OnEvent("ticks")
        public String ticks(String id) {
            return String.valueOf(ReadEndpoint.TICKS.getOrDefault(id, new AtomicInteger()).get());
        }

        @OnEvent("log")
        public String log(String id) {
            return ConnectionLog.events(id);
        }
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.war("read-timeout", ReadEndpoint.class, ObserverEndpoint.class, ShortReadTimeout.class, ConnectionLog.class);
    }

    @ArquillianResource
    private URL base;

    private Observer observer;

    @BeforeEach
    void observe() throws Exception {
        observer = Observer.connect(Urls.ws(base, "/read-observer"), "ticks");
    }

    @AfterEach
    void stop() {
        observer.close();
    }

    private URI as(String id) {
        return Urls.ws(base, "/read?user=" + id);
    }

    @Test
    void anIdleClientIsClosedWith1001AfterTheReadTimeoutAndDisconnectsOnce() throws Exception {
        String id = "idle-" + UUID.randomUUID();
        TimedUpgrade upgrade = TimedUpgrade.of(as(id), true);
        try (RawWebSocket client = upgrade.client()) {
            upgrade.assertClosedWith(1001, READ_TIMEOUT, LATEST_CLOSE);

            observer.assertLeftEveryRoomThenDisconnectedOnce(id, Set.of("r1", "own"));
            client.ended().get(Observer.WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @Test
    void aClientSendingAnEventEvery200MillisecondsStaysConnected() throws Exception {
        String id = "busy-" + UUID.randomUUID();
        try (EventClient client = EventClient.to(as(id)).connect()) {
            int sends = FixedRate.send(SEND_EVERY, ACTIVE_WINDOW, () -> client.emit("tick", ""));

            String handled = String.valueOf(sends);
            String ticks = observer.await("ticks", id, handled::equals);
            assertEquals(handled, ticks, "events handled");
            assertEquals("", observer.ask("log", id), "lifecycle events of an open connection");
            client.emit("tick", "");
            client.assertNoErrors();
        }
    }
}
