package dev.sockeye.bench;

import dev.sockeye.embedded.EmbeddedServer;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server JVM of a benchmark: the embedded Tyrus server with either Sockeye or the raw endpoint
 * ({@code --mode sockeye|sockeye-without-pings|raw}), optionally clustered ({@code --redis <uri>}, Sockeye only). It
 * prints {@code PORT <n>} once it listens, then obeys one command per line on standard input and
 * answers each with one {@code OK <command> ...} line (see {@link #handle}). Every emit carries
 * {@code <seq>:<System.nanoTime()>}: on one machine that clock is the same in every JVM (Linux
 * {@code CLOCK_MONOTONIC}), so the load generator computes the delivery latency.
 */
public final class BenchServer {

    private final ServerUnderTest app;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bench-emitter");
        thread.setDaemon(true);
        return thread;
    });

    private BenchServer(ServerUnderTest app) {
        this.app = app;
    }

    public static void main(String[] args) throws Exception {
        String mode = "sockeye";
        String redis = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--mode" -> mode = args[++i];
                case "--redis" -> redis = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        ServerUnderTest app = switch (mode) {
            case "sockeye" -> new SockeyeServer(redis);
            case Bench.SOCKEYE_WITHOUT_PINGS -> new SockeyeServer(redis, false);
            case "raw" -> new RawServer();
            default -> throw new IllegalArgumentException("--mode must be sockeye, "
                    + Bench.SOCKEYE_WITHOUT_PINGS + " or raw: " + mode);
        };
        EmbeddedServer server = EmbeddedServer.builder().port(0).endpoint(app.endpoint()).start();
        BenchServer bench = new BenchServer(app);
        say("PORT " + server.port());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.equals("quit")) {
            try {
                bench.handle(line.trim().split(" "));
            } catch (Exception e) {
                say("ERR " + line + " " + e);
            }
        }
        app.close();
        server.close();
        System.exit(0);
    }

    /**
     * <ul>
     *   <li>{@code count}: connections here, in the cluster, and open file descriptors</li>
     *   <li>{@code heap}: heap used after three full collections, in bytes</li>
     *   <li>{@code fanout <room> <periodMs> <count>}: emits {@code tick} to the room every period</li>
     *   <li>{@code pump <room> <millis> <window>}: emits {@code t} to the room as fast as the server
     *       takes them, at most {@code window} emits in flight (an emit is in flight until every
     *       recipient's write ended)</li>
     *   <li>{@code broadcast <seq>}: one emit of {@code all} to every connection</li>
     * </ul>
     */
    private void handle(String[] command) throws Exception {
        switch (command[0]) {
            case "count" -> say("OK count n=" + app.connections() + " cluster="
                    + app.clusterConnections().toCompletableFuture().get(30, TimeUnit.SECONDS) + " fds=" + openFiles());
            case "heap" -> say("OK heap used=" + heapAfterGc());
            case "fanout" -> fanOut(command[1], Long.parseLong(command[2]), Integer.parseInt(command[3]));
            case "pump" -> pump(command[1], Long.parseLong(command[2]), Integer.parseInt(command[3]));
            case "broadcast" -> {
                long start = System.nanoTime();
                app.emitToAll("all", command[1] + ":" + start).whenComplete((v, e) ->
                        say("OK broadcast localMs=" + (System.nanoTime() - start) / 1_000_000));
            }
            default -> say("ERR unknown command " + String.join(" ", command));
        }
    }

    /**
     * Emits {@code count} times, one emit every period at a fixed rate; when an emit takes longer
     * than the period (the sends of a large room run on the emitting thread), the next ones start
     * late. The reply says how long the emits took on average ({@code callMs}) and the mean interval
     * achieved between their starts ({@code intervalMs}).
     */
    private void fanOut(String room, long periodMillis, int count) {
        AtomicInteger seq = new AtomicInteger();
        long[] firstAndCallNanos = {0, 0};
        java.util.concurrent.CompletableFuture<java.util.concurrent.ScheduledFuture<?>> schedule =
                new java.util.concurrent.CompletableFuture<>();
        schedule.complete(timer.scheduleAtFixedRate(() -> {
            int n = seq.getAndIncrement();
            if (n >= count) {
                return;
            }
            long now = System.nanoTime();
            if (n == 0) {
                firstAndCallNanos[0] = now;
            }
            app.emitToRoom(room, "tick", n + ":" + now);
            firstAndCallNanos[1] += System.nanoTime() - now;
            if (n == count - 1) {
                schedule.thenAccept(future -> future.cancel(false));
                double interval = count > 1 ? (now - firstAndCallNanos[0]) / 1e6 / (count - 1) : 0;
                say(String.format(java.util.Locale.ROOT, "OK fanout emitted=%d callMs=%.2f intervalMs=%.2f", count,
                        firstAndCallNanos[1] / 1e6 / count, interval));
            }
        }, 0, periodMillis, TimeUnit.MILLISECONDS));
    }

    private void pump(String room, long millis, int window) {
        Thread pump = new Thread(() -> {
            Semaphore inFlight = new Semaphore(window);
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            long emits = 0;
            try {
                while (System.nanoTime() < end) {
                    inFlight.acquire();
                    app.emitToRoom(room, "t", emits + ":" + System.nanoTime()).whenComplete((v, e) -> inFlight.release());
                    emits++;
                }
                inFlight.acquire(window);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            say("OK pump emits=" + emits + " connections=" + app.connections());
        }, "bench-pump");
        pump.start();
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static int openFiles() {
        String[] fds = new File("/proc/self/fd").list();
        return fds == null ? -1 : fds.length;
    }

    static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
