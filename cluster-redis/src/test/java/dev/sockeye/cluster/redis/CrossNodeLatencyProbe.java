package dev.sockeye.cluster.redis;

import dev.sockeye.Target;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Arrays;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Measures the latency the Redis bus adds: two nodes in this JVM on one Redis, one client on each,
 * both in one room; node A emits a timestamp to the room at a fixed rate; each client records the
 * delivery latency. "Added" is the remote client's percentile minus the local one's.
 * Not a test: run it with the command in the guide's "Scaling out" chapter.
 */
public final class CrossNodeLatencyProbe {

    private CrossNodeLatencyProbe() {
    }

    static final class Recorder implements WebSocket.Listener {
        final long[] samples;
        int count;
        final CountDownLatch done;

        Recorder(int expected) {
            samples = new long[expected];
            done = new CountDownLatch(expected);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            String text = data.toString();
            int at = text.lastIndexOf(';');
            if (text.contains("t;0;") && count < samples.length) {
                samples[count++] = System.nanoTime() - Long.parseLong(text.substring(at + 1));
                done.countDown();
            }
            ws.request(1);
            return null;
        }

        long percentile(double p) {
            long[] sorted = Arrays.copyOf(samples, count);
            Arrays.sort(sorted);
            return sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))];
        }
    }

    public static void main(String[] args) throws Exception {
        int[] rates = {1_000, 10_000};
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        try (RedisServer redis = RedisServer.start();
             ClusterNodeApp a = ClusterNodeApp.start(redis.uri(), "probe");
             ClusterNodeApp b = ClusterNodeApp.start(redis.uri(), "probe")) {
            HttpClient http = HttpClient.newHttpClient();
            System.out.println("| rate (msg/s) | local p50 / p99 (µs) | remote p50 / p99 (µs) | added p50 / p99 (µs) | bus dropped |");
            System.out.println("|---|---|---|---|---|");
            for (int rate : rates) {
                int total = rate * seconds;
                Recorder local = new Recorder(total);
                Recorder remote = new Recorder(total);
                WebSocket ws1 = http.newWebSocketBuilder().buildAsync(URI.create(a.server.uri("/ws") + "?room=probe"), local).join();
                WebSocket ws2 = http.newWebSocketBuilder().buildAsync(URI.create(b.server.uri("/ws") + "?room=probe"), remote).join();
                Thread.sleep(500);
                long interval = TimeUnit.SECONDS.toNanos(1) / rate;
                long next = System.nanoTime();
                for (int i = 0; i < total; i++) {
                    while (System.nanoTime() < next) {
                        Thread.onSpinWait();
                    }
                    a.endpoint.registry().to(Target.room("probe")).emit("t", Long.toString(System.nanoTime()));
                    next += interval;
                }
                local.done.await(30, TimeUnit.SECONDS);
                remote.done.await(30, TimeUnit.SECONDS);
                long dropped = ((dev.sockeye.spi.ClusterBus) a.endpoint.registry().cluster()).dropped();
                System.out.printf("| %,d | %d / %d | %d / %d | %d / %d | %d |%n", rate,
                        local.percentile(0.5) / 1000, local.percentile(0.99) / 1000,
                        remote.percentile(0.5) / 1000, remote.percentile(0.99) / 1000,
                        (remote.percentile(0.5) - local.percentile(0.5)) / 1000,
                        (remote.percentile(0.99) - local.percentile(0.99)) / 1000, dropped);
                ws1.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null).join();
                ws2.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null).join();
                Thread.sleep(500);
            }
        }
    }
}
