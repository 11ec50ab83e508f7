package dev.sockeye.tck;

import dev.sockeye.ConnectionRegistry;


import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 10,000 connect → join 3 rooms → disconnect cycles (half closed by the client, half by the
 * server) leave zero connections and zero rooms, run every disconnect listener exactly once, and do
 * not grow the retained heap. The clients are the JDK's {@code java.net.http.WebSocket}: with the
 * Tyrus client in shared-container mode, one connect in a few thousand never saw its handshake
 * response complete (the server had accepted and later closed it), which is a client-side matter
 * this test is not about. {@code SockeyeClient} runs on that same Tyrus client, so it is not used
 * here either.
 */
class ConnectionChurnTest {

    private static final int CYCLES = 10_000;
    private static final int BATCH = 100;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void connectJoinDisconnectCyclesLeaveNothingBehind() throws Exception {
        AtomicInteger disconnects = new AtomicInteger();
        AtomicInteger leaves = new AtomicInteger();
        try (Servers.Running server = Servers.start(connection -> {
            connection.join("r1");
            connection.join("r2");
            connection.join("r3");
            connection.onLeave(room -> leaves.incrementAndGet());
            connection.onDisconnect(disconnects::incrementAndGet);
            if (connection.handshake().queryParameter("serverCloses").isPresent()) {
                connection.on("bye", connection::disconnect);
            }
        })) {
            ConnectionRegistry registry = server.endpoint().registry();
            long baseline = 0;
            for (int done = 0; done < CYCLES; done += BATCH) {
                runBatch(server, done);
                if (done + BATCH == 2_000) {
                    Await.until("warm-up connections gone", () -> registry.count() == 0, Duration.ofSeconds(30));
                    baseline = usedHeapAfterGc();
                }
            }
            Await.until("every connection gone", () -> registry.count() == 0, Duration.ofSeconds(30));
            assertEquals(0, registry.count());
            assertEquals(java.util.Set.of(), registry.rooms(), "no room left behind");
            assertEquals(CYCLES, disconnects.get(), "one disconnect per connection");
            assertEquals(4 * CYCLES, leaves.get(), "three rooms plus the own room per connection");
            long growth = usedHeapAfterGc() - baseline;
            assertTrue(growth < 16L * 1024 * 1024,
                    "retained heap grew by " + growth / 1024 + " KiB over 8,000 cycles");
        }
    }

    /** Opens a batch with the JDK's own WebSocket client, then ends half from each side. */
    private static void runBatch(Servers.Running server, int offset) throws Exception {
        List<CompletableFuture<Integer>> closed = new ArrayList<>();
        List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            boolean serverCloses = (offset + i) % 2 == 0;
            CompletableFuture<Integer> close = new CompletableFuture<>();
            closed.add(close);
            java.net.URI uri = java.net.URI.create(server.uri() + (serverCloses ? "?serverCloses=1" : ""));
            opening.add(HTTP.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                    close.complete(statusCode);
                    return null;
                }

                @Override
                public void onError(WebSocket webSocket, Throwable error) {
                    close.completeExceptionally(error);
                }
            }));
        }
        List<WebSocket> sockets = new ArrayList<>();
        for (CompletableFuture<WebSocket> open : opening) {
            sockets.add(open.get(10, TimeUnit.SECONDS));
        }
        for (int i = 0; i < BATCH; i++) {
            WebSocket socket = sockets.get(i);
            if ((offset + i) % 2 == 0) {
                socket.sendText(TestClient.PREFIX + "bye;0;", true);
            } else {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "");
            }
        }
        for (int i = 0; i < BATCH; i++) {
            assertEquals(1000, closed.get(i).get(10, TimeUnit.SECONDS), "close code of connection " + (offset + i));
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
