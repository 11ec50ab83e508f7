package dev.sockeye.tck.it;

import dev.sockeye.Config;
import dev.sockeye.Connection;
import dev.sockeye.EventEndpoint;
import dev.sockeye.OnConnect;
import dev.sockeye.OnEvent;
import dev.sockeye.tck.EventClient;
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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code pingPeriod} and {@code pongTimeout} in a container (the embedded counterpart is
 * {@code PongTimeoutTest}): the server pings every 500 ms; a raw client that never answers is
 * closed with 1001 once 2 s passed without a pong, after leaving its rooms and disconnecting,
 * each once; a {@link dev.sockeye.client.SockeyeClient}, whose WebSocket container answers every
 * ping, stays connected for three pong timeouts and is still served.
 */
@ExtendWith(ArquillianExtension.class)
class HeartbeatIT {

    private static final Duration PING_PERIOD = Duration.ofMillis(500);
    private static final Duration PONG_TIMEOUT = Duration.ofSeconds(2);
    /**
     * Allowed lateness of the close past {@code pongTimeout + pingPeriod}: Sockeye's timer thread
     * and the container's I/O on a loaded two-core machine. 3 s keeps the bound at 5.5 s, well
     * short of the frame wait: a server that never enforced the timeout fails. (Periods are longer
     * than the embedded test's: a container under a load of 60 on two cores delayed 200 ms pings
     * past a 600 ms pong timeout.)
     */
    private static final Duration SLACK = Duration.ofSeconds(3);

    public static final class Heartbeats implements Supplier<Config> {
        @Override
        public Config get() {
            return Config.builder().pingPeriod(PING_PERIOD).pongTimeout(PONG_TIMEOUT)
                    .idGenerator(handshake -> handshake.queryParameter("user").orElseGet(() -> UUID.randomUUID().toString()))
                    .build();
        }
    }

    @EventEndpoint(value = "/heartbeat", config = Heartbeats.class)
    public static class HeartbeatEndpoint {
        @OnConnect
        public void open(Connection connection) {
            if (!ConnectionLog.isObserver(connection)) {
                connection.join("r1");
                ConnectionLog.watch(connection);
            }
        }

        @OnEvent("echo")
        public String echo(String text) {
            return text;
        }
    }

    /** Where the test asks what the server heard: without heartbeats, so that a busy machine cannot end it. */
    @EventEndpoint("/heartbeat-observer")
    public static class ObserverEndpoint {
        @OnEvent("log")
        public String log(String id) {
            return ConnectionLog.events(id);
        }

        @OnEvent("beats")
        public String beats(String id) {
            return ConnectionLog.beats(id);
        }
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.war("heartbeat", HeartbeatEndpoint.class, ObserverEndpoint.class, Heartbeats.class, ConnectionLog.class);
    }

    @ArquillianResource
    private URL base;

    private Observer observer;

    @BeforeEach
    void observe() throws Exception {
        observer = Observer.connect(Urls.ws(base, "/heartbeat-observer"), "beats");
    }

    @AfterEach
    void stop() {
        observer.close();
    }

    private URI as(String id) {
        return Urls.ws(base, "/heartbeat?user=" + id);
    }

    @Test
    void aClientThatNeverAnswersPingsIsClosedWith1001AfterThePongTimeoutAndDisconnectsOnce() throws Exception {
        String id = "silent-" + UUID.randomUUID();
        TimedUpgrade upgrade = TimedUpgrade.of(as(id), false);
        try (RawWebSocket client = upgrade.client()) {
            upgrade.assertClosedWith(1001, PONG_TIMEOUT, PONG_TIMEOUT.plus(PING_PERIOD).plus(SLACK));

            assertTrue(client.pingsReceived() >= 2, "pings before the timeout: " + client.pingsReceived());
            observer.assertLeftEveryRoomThenDisconnectedOnce(id, Set.of("r1", "own"));
            String[] beats = observer.ask("beats", id).split(" ");
            assertEquals(client.pingsReceived(), Integer.parseInt(beats[0]), "onPing once per ping the client received");
            assertEquals("0", beats[1], "pongs heard");
            client.ended().get(Observer.WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @Test
    void aClientThatAnswersPingsStaysConnectedForThreePongTimeouts() throws Exception {
        String id = "answering-" + UUID.randomUUID();
        try (EventClient client = EventClient.to(as(id)).record("echo", String.class).connect()) {
            Thread.sleep(PONG_TIMEOUT.multipliedBy(3).toMillis());

            client.emit("echo", "still here");
            assertEquals("still here", client.next("echo", String.class));
            assertEquals("", observer.ask("log", id), "lifecycle events of an open connection");
            String[] beats = observer.ask("beats", id).split(" ");
            int pings = Integer.parseInt(beats[0]);
            int pongs = Integer.parseInt(beats[1]);
            // 6 s at one ping per 500 ms is about 12; 4 leaves room for a slow timer thread.
            assertTrue(pings >= 4, "pings in " + PONG_TIMEOUT.multipliedBy(3).toMillis() + " ms: " + pings);
            // Each pong answers a ping; only the latest may still be on its way back.
            assertTrue(pongs >= pings - 1, "pongs " + pongs + " for " + pings + " pings");
            client.assertNoErrors();
        }
    }
}
