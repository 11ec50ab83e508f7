package dev.sockeye.tck.it;

import dev.sockeye.Config;
import dev.sockeye.Connection;
import dev.sockeye.ConnectionRegistry;
import dev.sockeye.EventEndpoint;
import dev.sockeye.OnConnect;
import dev.sockeye.OnEvent;
import dev.sockeye.OverflowPolicy;
import dev.sockeye.Target;
import dev.sockeye.client.ClientState;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code maxQueuedBytes} and {@code overflowPolicy} in a container (the embedded counterpart is
 * {@code SlowConsumerTest}): a raw client with a 16 KiB receive buffer stops reading, and the
 * server emits 64 KiB frames to it every 5 ms. Its TCP window and the container's send buffer
 * fill, then its outbound queue (256 KiB here): under {@code CLOSE} the frame that does not fit
 * fails with {@code OutboundOverflowException}, the error listeners hear it, the connection leaves
 * its rooms and disconnects once, and its close frame says 1008 once it reads again; under
 * {@code DROP} it stays connected. Meanwhile a {@link dev.sockeye.client.SockeyeClient} in the
 * same room receives every broadcast, in order, before, during and after.
 */
@ExtendWith(ArquillianExtension.class)
class SlowConsumerIT {

    private static final boolean UNDERTOW = "wildfly".equals(System.getProperty("arquillian.launch"));
    private static final int MAX_QUEUED_BYTES = 256 * 1024;
    private static final int SLOW_RECEIVE_BUFFER = 16 * 1024;

    private static Config.Builder slowConsumers() {
        return Config.builder().maxQueuedBytes(MAX_QUEUED_BYTES).pingPeriod(Duration.ZERO)
                .idGenerator(handshake -> handshake.queryParameter("user").orElseGet(() -> UUID.randomUUID().toString()));
    }

    public static final class CloseSlow implements Supplier<Config> {
        @Override
        public Config get() {
            return slowConsumers().build();
        }
    }

    public static final class DropForSlow implements Supplier<Config> {
        @Override
        public Config get() {
            return slowConsumers().overflowPolicy(OverflowPolicy.DROP).build();
        }
    }

    /** The endpoints' behaviour; each endpoint class only binds it to its config. */
    public static class Room {
        static final String FILL = "f".repeat(64 * 1024);
        static final Map<String, String> FILLS = new ConcurrentHashMap<>();

        @OnConnect
        public void open(Connection connection) {
            if (!ConnectionLog.isObserver(connection)) {
                connection.join("room");
                ConnectionLog.watch(connection);
            }
        }

        @OnEvent("open")
        public String isOpen(ConnectionRegistry registry, String id) {
            return String.valueOf(registry.isConnected(id));
        }

        /** Emits 64 KiB to connection {@code id} every 5 ms, on a thread of its own, until one is refused. */
        @OnEvent("fill")
        public String fill(ConnectionRegistry registry, String id) {
            Connection target = registry.connection(id).orElseThrow();
            Thread filler = new Thread(() -> FILLS.put(id, fillUntilRefused(target)), "fill-" + id);
            filler.setDaemon(true);
            filler.start();
            return "started";
        }

        private static String fillUntilRefused(Connection target) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            int accepted = 0;
            try {
                while (System.nanoTime() < deadline) {
                    CompletableFuture<Void> stage = target.emit("fill", FILL).toCompletableFuture();
                    if (stage.isCompletedExceptionally()) {
                        return "refused:" + causeOf(stage).getClass().getSimpleName() + " after " + accepted;
                    }
                    accepted++;
                    Thread.sleep(5);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "none refused in 15 s: " + accepted + " frames accepted";
        }

        private static Throwable causeOf(CompletableFuture<?> failed) {
            try {
                failed.get();
                return new AssertionError("not failed");
            } catch (ExecutionException e) {
                return e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return e;
            }
        }

        @OnEvent("fill-result")
        public String fillResult(String id) {
            return FILLS.getOrDefault(id, "");
        }

        @OnEvent("broadcast")
        public void broadcast(ConnectionRegistry registry, int tick) {
            registry.to(Target.room("room")).emit("tick", tick);
        }

        @OnEvent("log")
        public String log(String id) {
            return ConnectionLog.events(id);
        }
    }

    @EventEndpoint(value = "/close-slow", config = CloseSlow.class)
    public static class CloseSlowEndpoint extends Room {
    }

    @EventEndpoint(value = "/drop-for-slow", config = DropForSlow.class)
    public static class DropForSlowEndpoint extends Room {
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.war("slow-consumer", Room.class, CloseSlowEndpoint.class, DropForSlowEndpoint.class,
                CloseSlow.class, DropForSlow.class, ConnectionLog.class);
    }

    @ArquillianResource
    private URL base;

    private Observer observer;
    private RawWebSocket slow;
    private EventClient fast;

    @AfterEach
    void stop() throws Exception {
        if (fast != null) {
            fast.close();
        }
        if (slow != null) {
            slow.close();
        }
        if (observer != null) {
            observer.close();
        }
    }

    /** Connects the observer, the slow raw client (which reads nothing) and the fast client; checks a broadcast. */
    private String connectAll(String path) throws Exception {
        observer = Observer.connect(Urls.ws(base, path), "open", "fill", "fill-result");
        String slowId = "slow-" + UUID.randomUUID();
        slow = RawWebSocket.upgrade(Urls.ws(base, path + "?user=" + slowId), Map.of(), SLOW_RECEIVE_BUFFER);
        assertEquals(101, slow.status(), slow.statusLine());
        assertEquals("true", observer.await("open", slowId, "true"::equals), "the slow client's connection");
        fast = EventClient.to(Urls.ws(base, path + "?user=fast-" + UUID.randomUUID())).record("tick", Integer.class).connect();
        broadcastAndReceive(1, 5);
        return slowId;
    }

    /** The fast client asks for broadcasts {@code from} to {@code to} and receives each, in order. */
    private void broadcastAndReceive(int from, int to) throws Exception {
        for (int tick = from; tick <= to; tick++) {
            fast.emit("broadcast", tick);
        }
        for (int tick = from; tick <= to; tick++) {
            assertEquals(tick, fast.next("tick", Integer.class), "broadcast " + tick + " at the fast client");
        }
    }

    private String fillUntilRefused(String slowId) throws Exception {
        assertEquals("started", observer.ask("fill", slowId));
        broadcastAndReceive(6, 10);
        String result = observer.await("fill-result", slowId, answer -> !answer.isEmpty());
        assertTrue(result.startsWith("refused:"), "the fill of the stalled client: " + result);
        return result;
    }

    @Test
    void closePolicyClosesTheStalledClientWith1008WhileTheOthersKeepReceiving() throws Exception {
        String slowId = connectAll("/close-slow");

        String result = fillUntilRefused(slowId);

        // The fill that did not fit overflowed; had a broadcast overflowed just before, the
        // connection was already closing and refused the fill as closed.
        assertTrue(result.startsWith("refused:OutboundOverflowException") || result.startsWith("refused:ConnectionClosedException"),
                result);
        List<String> errors = observer.assertLeftEveryRoomThenDisconnectedOnce(slowId, Set.of("room", "own"));
        assertEquals("error:OutboundOverflowException", errors.isEmpty() ? "none" : errors.get(0), "errors heard: " + errors);
        assertEquals("false", observer.ask("open", slowId));
        broadcastAndReceive(11, 15);
        assertEquals(ClientState.OPEN, fast.client().state(), "the fast client");
        fast.assertNoErrors();
        // Once it reads again, the slow client gets what was already on its way, then the close frame.
        // On GlassFish the connection ends after what the container had buffered, without it.
        slow.readFrames(true);
        CompletableFuture.anyOf(slow.closeFrame(), slow.ended()).get(Observer.WAIT.toSeconds(), TimeUnit.SECONDS);
        if (slow.closeFrame().isDone() || UNDERTOW) {
            assertEquals(1008, slow.closeFrame().get(Observer.WAIT.toSeconds(), TimeUnit.SECONDS).closeCode());
        }
    }

    @Test
    void dropPolicyKeepsTheStalledClientConnectedAndOnlyItsFramesAreRefused() throws Exception {
        String slowId = connectAll("/drop-for-slow");

        String result = fillUntilRefused(slowId);

        assertTrue(result.startsWith("refused:OutboundOverflowException"), result);
        Thread.sleep(300);
        assertEquals("true", observer.ask("open", slowId), "DROP closed the stalled connection");
        assertEquals("", observer.ask("log", slowId), "DROP reports no error and runs no lifecycle event");
        broadcastAndReceive(11, 15);
        fast.assertNoErrors();
        // Reading again, the slow client gets frames, and no close frame.
        slow.readFrames(true);
        assertTrue(slow.nextDataFrame(Observer.WAIT) != null, "no frame for the slow client once it read again");
        assertFalse(slow.closeFrame().isDone(), "closed: " + slow.closeFrame().getNow(null));
    }
}
