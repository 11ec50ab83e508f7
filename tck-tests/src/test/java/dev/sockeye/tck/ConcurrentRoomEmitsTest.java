package dev.sockeye.tck;

import dev.sockeye.Config;
import dev.sockeye.ConnectionRegistry;
import dev.sockeye.Target;

import jakarta.websocket.CloseReason;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 8 threads emit 10,000 messages each to a room of 50 connections while 10 other connections
 * keep joining and leaving it: nothing throws, no receiver sees a duplicate or a message out of its
 * sender's order, and every stable member receives all 80,000.
 */
class ConcurrentRoomEmitsTest {

    private static final int THREADS = 8;
    private static final int PER_THREAD = Integer.getInteger("sockeye.test.perThread", 10_000);
    private static final int MEMBERS = 50;
    private static final int CHURNERS = Integer.getInteger("sockeye.test.churners", 10);
    private static final String PREFIX = "iris-websocket-message:m;0;";

    /** Checks, per sender thread, that sequence numbers only increase; counts what arrives. */
    static final class OrderCheckingClient extends Endpoint {
        final int[] lastSeen = new int[THREADS];
        final AtomicInteger received = new AtomicInteger();
        final List<String> violations = new ArrayList<>();
        final CountDownLatch complete;

        OrderCheckingClient(int expected) {
            java.util.Arrays.fill(lastSeen, -1);
            this.complete = new CountDownLatch(expected);
        }

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) this::onFrame);
        }

        private void onFrame(String frame) {
            if (!frame.startsWith(PREFIX)) {
                violations.add("unexpected frame " + frame);
                return;
            }
            String body = frame.substring(PREFIX.length());
            int colon = body.indexOf(':');
            int thread = Integer.parseInt(body.substring(0, colon));
            int seq = Integer.parseInt(body.substring(colon + 1));
            if (seq <= lastSeen[thread]) {
                violations.add("thread " + thread + ": " + seq + " after " + lastSeen[thread]);
            }
            lastSeen[thread] = seq;
            received.incrementAndGet();
            complete.countDown();
        }

        @Override
        public void onClose(Session session, CloseReason closeReason) {
            if (closeReason.getCloseCode() != CloseReason.CloseCodes.NORMAL_CLOSURE) {
                violations.add("closed: " + closeReason);
            }
        }
    }

    @Test
    void concurrentRoomEmitsKeepPerSenderOrderWithoutDuplicatesOrLoss() throws Exception {
        Config config = Config.builder().maxQueuedBytes(64L * 1024 * 1024).build();
        Map<String, Boolean> churnerIds = new ConcurrentHashMap<>();
        CountDownLatch opened = new CountDownLatch(MEMBERS + CHURNERS);
        try (Servers.Running server = Servers.start(config, connection -> {
            if (connection.handshake().queryParameter("churn").isPresent()) {
                churnerIds.put(connection.id(), true);
            } else {
                connection.join("room");
            }
            opened.countDown();
        })) {
            WebSocketContainer container = Clients.shared();
            List<OrderCheckingClient> members = new ArrayList<>();
            List<OrderCheckingClient> churners = new ArrayList<>();
            List<Session> sessions = new ArrayList<>();
            for (int i = 0; i < MEMBERS + CHURNERS; i++) {
                boolean churn = i >= MEMBERS;
                OrderCheckingClient client = new OrderCheckingClient(churn ? 0 : THREADS * PER_THREAD);
                (churn ? churners : members).add(client);
                URI uri = URI.create(server.uri() + (churn ? "?churn=1" : ""));
                sessions.add(container.connectToServer(client,
                        jakarta.websocket.ClientEndpointConfig.Builder.create().build(), uri));
            }
            assertTrue(opened.await(10, TimeUnit.SECONDS));
            ConnectionRegistry registry = server.endpoint().registry();

            ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
            AtomicBoolean emitting = new AtomicBoolean(true);
            Future<Integer> churning = pool.submit(() -> {
                int flips = 0;
                while (emitting.get()) {
                    for (String id : churnerIds.keySet()) {
                        registry.join("room", id);
                    }
                    for (String id : churnerIds.keySet()) {
                        registry.leave("room", id);
                    }
                    flips++;
                }
                return flips;
            });
            List<Future<?>> senders = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                senders.add(pool.submit(() -> {
                    for (int seq = 0; seq < PER_THREAD; seq++) {
                        registry.to(Target.room("room")).emit("m", thread + ":" + seq);
                    }
                    return null;
                }));
            }
            for (Future<?> sender : senders) {
                sender.get(300, TimeUnit.SECONDS);
            }
            emitting.set(false);
            assertTrue(CHURNERS == 0 || churning.get(10, TimeUnit.SECONDS) > 0, "the churners joined and left while emits ran");
            pool.shutdown();

            for (OrderCheckingClient member : members) {
                assertTrue(member.complete.await(300, TimeUnit.SECONDS),
                        "a member received " + member.received.get() + " of " + THREADS * PER_THREAD);
            }
            Thread.sleep(200);
            for (OrderCheckingClient client : members) {
                assertEquals(List.of(), client.violations);
                assertEquals(THREADS * PER_THREAD, client.received.get(), "no duplicate, no loss");
            }
            for (OrderCheckingClient client : churners) {
                assertEquals(List.of(), client.violations);
            }
            assertEquals(MEMBERS, registry.members("room").size());
            for (Session session : sessions) {
                session.close();
            }
        }
    }
}
