package dev.sockeye.tck;

import dev.sockeye.Config;
import dev.sockeye.ConnectionRegistry;
import dev.sockeye.Target;
import dev.sockeye.client.ClientOptions;
import dev.sockeye.client.SockeyeClient;

import jakarta.websocket.CloseReason;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * sender's order, and every stable member receives all 80,000. The connections are
 * {@link SockeyeClient}s.
 */
class ConcurrentRoomEmitsTest {

    private static final int THREADS = 8;
    private static final int PER_THREAD = Integer.getInteger("sockeye.test.perThread", 10_000);
    private static final int MEMBERS = 50;
    private static final int CHURNERS = Integer.getInteger("sockeye.test.churners", 10);

    /** A Java client that checks, per sender thread, that sequence numbers only increase, and counts what arrives. */
    static final class OrderCheckingClient implements AutoCloseable {
        final int[] lastSeen = new int[THREADS];
        final AtomicInteger received = new AtomicInteger();
        final List<String> violations = new CopyOnWriteArrayList<>();
        final CountDownLatch complete;
        final SockeyeClient client;

        OrderCheckingClient(URI uri, int expected) {
            java.util.Arrays.fill(lastSeen, -1);
            this.complete = new CountDownLatch(expected);
            this.client = SockeyeClient.create(uri, ClientOptions.defaults());
            client.on("m", String.class, this::onEvent);
            client.onMessage(bytes -> violations.add("unexpected native message " + new String(bytes, StandardCharsets.UTF_8)));
            client.onError(problem -> violations.add("client error: " + problem));
            client.onDisconnect(reason -> {
                if (reason.getCloseCode() != CloseReason.CloseCodes.NORMAL_CLOSURE) {
                    violations.add("closed: " + reason);
                }
            });
        }

        /** Runs on the client's listener thread, one event at a time. */
        private void onEvent(String body) {
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
        public void close() {
            client.close();
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
            List<OrderCheckingClient> members = new ArrayList<>();
            List<OrderCheckingClient> churners = new ArrayList<>();
            for (int i = 0; i < MEMBERS + CHURNERS; i++) {
                boolean churn = i >= MEMBERS;
                URI uri = URI.create(server.uri() + (churn ? "?churn=1" : ""));
                OrderCheckingClient client = new OrderCheckingClient(uri, churn ? 0 : THREADS * PER_THREAD);
                (churn ? churners : members).add(client);
                client.client.connect().toCompletableFuture().get(10, TimeUnit.SECONDS);
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
            for (OrderCheckingClient client : members) {
                client.close();
            }
            for (OrderCheckingClient client : churners) {
                client.close();
            }
        }
    }
}
