package dev.sockeye.client;

import dev.sockeye.embedded.EmbeddedServer;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Many threads emit at once through one client: every frame arrives whole, each thread's in order. */
class ConcurrentEmitsKeepPerThreadOrderTest {

    private static final int THREADS = 8;
    private static final int PER_THREAD = 250;

    @Test
    void everyEmitArrivesAndEachThreadsOrderIsKept() throws Exception {
        Map<Integer, List<Integer>> received = new ConcurrentHashMap<>();
        CountDownLatch all = new CountDownLatch(THREADS * PER_THREAD);
        try (EmbeddedServer server = Servers.start(connection -> connection.on("n", String.class, text -> {
                    String[] parts = text.split(":");
                    received.computeIfAbsent(Integer.parseInt(parts[0]), t -> new CopyOnWriteArrayList<>())
                            .add(Integer.parseInt(parts[1]));
                    all.countDown();
                }));
             SockeyeClient client = Servers.connect(server, ClientOptions.defaults(), c -> { })) {
            List<CompletableFuture<Void>> sends = new CopyOnWriteArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                Thread worker = new Thread(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    for (int i = 0; i < PER_THREAD; i++) {
                        sends.add(client.emit("n", thread + ":" + i).toCompletableFuture());
                    }
                });
                worker.start();
                threads.add(worker);
            }
            start.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            Await.done(CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)));
            assertTrue(all.await(Await.TIMEOUT.toSeconds(), TimeUnit.SECONDS), "frames missing: " + all.getCount());
            for (int t = 0; t < THREADS; t++) {
                List<Integer> expected = new ArrayList<>();
                for (int i = 0; i < PER_THREAD; i++) {
                    expected.add(i);
                }
                assertEquals(expected, received.get(t), "order of thread " + t);
            }
        }
    }
}
